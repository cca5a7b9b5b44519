/** opencc-js ships its dictionaries as plain ES modules (a serialised string each) without type declarations. */
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
