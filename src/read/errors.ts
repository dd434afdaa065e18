// A file we cannot read gives one ReadError with a code and a plain reason; the batch goes on.
export type ReadErrorCode =
  | 'empty'
  | 'binary'
  | 'too_large'
  | 'unsupported_format'
  | 'encrypted'
  | 'corrupt'
  | 'zip_bomb'
  | 'no_text'
  | 'timeout'
  | 'ocr_failed'
  | 'not_found'
  | 'unreadable';

export class ReadError extends Error {
  constructor(
    public code: ReadErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReadError';
  }
}
