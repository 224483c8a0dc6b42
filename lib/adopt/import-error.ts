/**
 * A live zone could not be read or adopted (bad token, zone not found, API or DNS failure,
 * unreadable file). `cdktf-mx import` prints the message and exits 2, writing nothing. Messages
 * never contain the API token.
 */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}
