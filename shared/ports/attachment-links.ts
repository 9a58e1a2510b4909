/** Short-lived download links to attachment bodies (S3 presigned GET): the API never streams them. */
export interface AttachmentLinks {
  link(input: {
    key: string;
    filename: string;
    contentType: string;
  }): Promise<{ url: string; expiresAt: string }>;
}
