import { App } from 'aws-cdk-lib';
import { ExodataError } from '../shared/domain/errors';
import { loadDeploymentConfig } from './config';
import { buildIntakeApp } from './intake-app';

const app = new App();
try {
  buildIntakeApp(app, loadDeploymentConfig(app.node));
} catch (error) {
  // A configuration mistake gets one readable line, not a stack trace.
  if (error instanceof ExodataError) {
    console.error(`exodata-intake: ${error.toUserMessage()}`);
    process.exit(1);
  }
  throw error;
}
app.synth();
