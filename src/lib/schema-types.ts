/** Small types shared by the mdast plugins, derived from the schemas. */
import type { z } from 'zod';
import type { ParagraphKindSchema, SectionPartSchema } from './schema.ts';

export type ParagraphKind = z.infer<typeof ParagraphKindSchema>;
export type SectionPart = z.infer<typeof SectionPartSchema>;
