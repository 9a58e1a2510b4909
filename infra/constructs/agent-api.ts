import { join } from 'node:path';
import { type CfnResource, Duration, RemovalPolicy, Stack, Stage, Validations } from 'aws-cdk-lib';
import {
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  UserPool,
  UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { writePortalSync } from '../../shared/adapters/http/portal-build';
import type { ServiceDeskConfig } from '../../shared/domain/desk/service-desk-config';
import { ExodataFunction } from './exodata-function';

export const AGENT_API_SERVICE_NAME = 'exodata-agent-api';

export type AgentUserPoolProps = {
  /** The desks: one Cognito group per desk id (the agent API reads the groups as desks). */
  serviceDesk: ServiceDeskConfig;
  /** Prefix of the hosted sign-in domain: https://<prefix>.auth.<region>.amazoncognito.com (globally unique). */
  domainPrefix: string;
  /**
   * Step 1 of a prefix change: no sign-in domain at all. Cognito holds one prefix domain per pool and
   * CloudFormation creates a replacement before it deletes the old one, so a new prefix in one
   * deployment is refused and rolled back; removing the domain first, then adding the new one, works.
   */
  withoutDomain?: boolean;
};

/**
 * The agents' accounts: a Cognito user pool (no self sign-up, MFA by authenticator app, threat
 * protection), one group per desk, and the hosted sign-in domain. Agents' accounts are data: the
 * pool is retained and protected from deletion, so it may live in the stateful stack.
 */
export class AgentUserPool extends Construct {
  readonly userPool: UserPool;
  readonly domain: UserPoolDomain | undefined;
  readonly deskGroups: CfnUserPoolGroup[];

  constructor(scope: Construct, id: string, props: AgentUserPoolProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true, username: true },
      signInCaseSensitive: false,
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Agents read client data: compromised-credential and adaptive checks are worth the Plus tier.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.deskGroups = props.serviceDesk.desks.map(
      (desk) =>
        new CfnUserPoolGroup(this, `Desk-${desk.id}`, {
          userPoolId: this.userPool.userPoolId,
          groupName: desk.id,
          description: `Agents of ${desk.displayName}`,
        }),
    );
    this.domain = props.withoutDomain
      ? undefined
      : this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: props.domainPrefix } });
  }
}

export type AgentApiProps = {
  agents: AgentUserPool;
  table: ITable;
  mailBucket: IBucket;
  rawMailPrefix: string;
  attachmentsPrefix: string;
  /** Agents' reply files (presigned POST by browsers, checked, mailed, kept under the ticket). */
  uploadsPrefix: string;
  serviceDesk: ServiceDeskConfig;
  maxMessageBytes: number;
  logRetention: RetentionDays;
  /** The hosted sign-in address of the agents' pool (https://<prefix>.auth.<region>.amazoncognito.com). */
  signInUrl: string;
  /** Requests per second allowed on the API (steady and burst), per account and region. */
  throttle?: { rateLimit: number; burstLimit: number };
};

/**
 * The agents' HTTP API and portal: API Gateway HTTP API → the agent-api function (hono). Every /api
 * route needs a Cognito access token (JWT authorizer: signature, issuer, client, expiry checked by
 * API Gateway; groups read by the function); only the portal's static files, its sign-in settings
 * and the health check are public — they hold no ticket data.
 */
export class AgentApi extends Construct {
  readonly api: HttpApi;
  readonly handler: ExodataFunction;
  readonly client: UserPoolClient;
  readonly accessLogs: LogGroup;
  /** The portal's address: the API's default endpoint (the portal and the API share one origin). */
  readonly portalUrl: string;

  constructor(scope: Construct, id: string, props: AgentApiProps) {
    super(scope, id);
    const { userPool } = props.agents;

    this.accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.logRetention });
    this.api = new HttpApi(this, 'Api', {
      description: 'Exodata service desk: agents portal and API',
      // The portal and the API share one origin: no CORS configuration, so browsers refuse other origins.
      createDefaultStage: false,
    });
    this.api.addStage('Stage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: { destination: new LogGroupLogDestination(this.accessLogs) },
    });
    const portalUrl = `https://${this.api.apiId}.execute-api.${Stack.of(this).region}.${Stack.of(this).urlSuffix}/`;
    this.portalUrl = portalUrl;

    // A public client (no secret in a browser): authorization code with PKCE, access tokens of one hour.
    // Created here, not with userPool.addClient(): that would put it in the pool's (stateful) stack,
    // which would then need this API's id for the callback URL, a reference cycle between the stacks.
    this.client = new UserPoolClient(this, 'PortalClient', {
      userPool,
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [portalUrl],
        logoutUrls: [portalUrl],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
    });

    // The portal is built from TypeScript (portal-build.ts) into the cloud assembly, then copied next to the
    // bundled handler, which serves it from ./portal/. Only when this stack is bundled (not in `cdk diff -e`
    // of another stack, nor in the tests that skip bundling); the asset hash covers the copied files.
    const portalDir = join(Stage.of(this)?.outdir ?? 'cdk.out', 'portal-build', 'agent');
    if (Stack.of(this).bundlingRequired) writePortalSync('agent', portalDir);

    this.handler = new ExodataFunction(this, 'Handler', {
      entry: 'functions/agent-api/handler.ts',
      description: 'Agents portal and API: queue, tickets, actions, suspended messages',
      serviceName: AGENT_API_SERVICE_NAME,
      logRetention: props.logRetention,
      memorySize: 1024,
      timeout: Duration.seconds(29),
      // API Gateway waits for the answer: no asynchronous retries, no failure queue.
      asyncInvocation: false,
      copyIntoBundle: [{ from: portalDir, to: 'portal' }],
      environment: {
        RAW_MAIL_PREFIX: props.rawMailPrefix,
        ATTACHMENTS_PREFIX: props.attachmentsPrefix,
        UPLOADS_PREFIX: props.uploadsPrefix,
        SERVICE_DESK_CONFIG: JSON.stringify(props.serviceDesk),
        MAX_ATTACHMENT_BYTES: String(props.maxMessageBytes),
        COGNITO_DOMAIN: props.signInUrl,
        COGNITO_CLIENT_ID: this.client.userPoolClientId,
      },
    })
      .bindTable(props.table, 'readWrite')
      // Converting a suspended message reads its raw mail and stores its attachments; links sign GETs.
      .bindBucketPrefixes(props.mailBucket, {
        bucketEnvVar: 'RAW_MAIL_BUCKET',
        // Reply files: presigned POSTs are signed with this role (PutObject), checked (GetObject) and
        // deleted when refused (DeleteObject), under the uploads prefix only.
        read: [props.rawMailPrefix, props.attachmentsPrefix, props.uploadsPrefix],
        write: [props.attachmentsPrefix, props.uploadsPrefix],
        remove: [props.uploadsPrefix],
      });

    const integration = new HttpLambdaIntegration('Integration', this.handler.function);
    const authorizer = new HttpUserPoolAuthorizer('Agents', userPool, { userPoolClients: [this.client] });
    this.api.addRoutes({ path: '/api/{proxy+}', methods: [HttpMethod.ANY], integration, authorizer });
    const publicRoutes: Array<[string, HttpMethod]> = [
      ['/', HttpMethod.GET],
      ['/portal/{file}', HttpMethod.GET],
      ['/api/config', HttpMethod.GET],
      ['/api/health', HttpMethod.GET],
    ];
    for (const [path, method] of publicRoutes) {
      const routes = this.api.addRoutes({
        path,
        methods: [method],
        integration,
        authorizer: new HttpNoneAuthorizer(),
      });
      // Acknowledged on each route's own CloudFormation resource (not its children, not the API): a new
      // route without authorizer is still reported.
      for (const route of routes) {
        Validations.of(route.node.defaultChild as CfnResource).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${method} ${path} is public on purpose: the portal page, its script and stylesheet, the Cognito sign-in settings and a health check carry no ticket data; every other /api route has the Cognito JWT authorizer.`,
        });
      }
    }
  }
}
