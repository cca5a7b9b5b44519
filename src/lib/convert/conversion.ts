import type { ConvertEvidence, RemovedText, StructureMark } from './types.ts';

/** What a format's converter returns; index.ts adds the format, converter and sha256. */
export interface Conversion {
  text: string;
  removed: RemovedText[];
  evidence: ConvertEvidence;
  pages?: number[];
  structure?: StructureMark[];
  /** HTML: the charset the page was decoded with. */
  charset?: string;
}
