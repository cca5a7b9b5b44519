// html-validate config for the built site (dist/). Used by tests/site/html-validate.test.ts and by
// `npx html-validate dist`. Start from the recommended preset; relax a rule only where it conflicts with
// what Astro emits (not with our own markup), and say why next to it.
export default {
  root: true,
  extends: ['html-validate:recommended'],
  rules: {},
};
