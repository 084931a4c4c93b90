/** A user-facing failure of the study command: printed as one line, exit code 1, no stack trace. */
export class StudyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StudyError';
  }
}
