/** Moved to shared/adapters/local/services (npm start uses it too; production code never imports test/). */
export {
  S3RVER_CREDENTIALS,
  type S3rverInstance,
  type S3rverOptions,
  startS3rver,
} from '../../shared/adapters/local/services/s3rver';
