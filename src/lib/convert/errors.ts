/** A file that cannot be converted: the message names the file, says what is wrong and what to do. */
export class ConvertError extends Error {
  readonly file: string;
  readonly ruleId: string;

  constructor(file: string, ruleId: string, message: string, options?: { cause?: unknown }) {
    super(`${file}: ${message}`, options);
    this.name = 'ConvertError';
    this.file = file;
    this.ruleId = ruleId;
  }
}
