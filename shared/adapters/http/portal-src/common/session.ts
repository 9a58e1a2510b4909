/** The signed-in session's bearer token, kept for the browser tab only (sessionStorage). */
export class Session {
  constructor(private readonly key: string) {}

  get token(): string | null {
    return sessionStorage.getItem(this.key);
  }

  set(token: string): void {
    sessionStorage.setItem(this.key, token);
  }

  clear(): void {
    sessionStorage.removeItem(this.key);
  }
}
