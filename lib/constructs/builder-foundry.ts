import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, IgnoreMode, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Platform } from 'aws-cdk-lib/aws-ecr-assets';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { APP_UID, BUILDER_CAPABILITIES, builderLaunchArgv } from '../../builder-image/src/app-identity';
import type { Policy } from '../../lambdas/domain/policy';
import { acknowledge } from '../nag';
import type { ArtifactStorage } from './artifact-storage';
import { fargateSizeFor, type FargateSize } from './fargate-size';
import type { GantryFunction } from './gantry-function';
import { PROJECT_ROOT } from './project-paths';

/** Properties of the {@link BuilderFoundry}. */
export interface BuilderFoundryProps {
  /** The builder limits of `policy.yaml`; they size the Fargate task. */
  readonly limits: Policy['builder'];
  /**
   * The bucket the builder's attempts live in. The task gets no access to it: each attempt reaches
   * its own keys only through presigned URLs (builder-image/src/build-job-document.ts).
   */
  readonly artifacts: ArtifactStorage;
  /** The builder image. @default - built from builder-image/Dockerfile (see {@link builderImageFromSource}) */
  readonly image?: ecs.ContainerImage;
  /**
   * How builder tasks reach the image registry, their logs and the artifact bucket.
   * - `public` (default, no idle cost): public subnets, a public IP per task, a security group with
   *   no inbound rule and HTTPS-only egress, no NAT gateway and no interface endpoint. Nothing can
   *   connect to a builder; a build can reach HTTPS endpoints on the internet.
   * - `isolated`: private subnets with no route out; ECR, CloudWatch Logs and S3 only through VPC
   *   endpoints whose policies name what they serve ($7.30 a month per interface endpoint and AZ).
   *   Generated code has nowhere to send data.
   * @default 'public'
   */
  readonly network?: BuilderNetworkMode;
  /** @default logs.RetentionDays.ONE_MONTH */
  readonly logRetention?: logs.RetentionDays;
}

/** See {@link BuilderFoundryProps.network}. */
export type BuilderNetworkMode = 'public' | 'isolated';
export const BUILDER_NETWORK_MODES: readonly BuilderNetworkMode[] = ['public', 'isolated'];

/** Docker build context when builder-image/Dockerfile.dockerignore is missing: everything but bulky or unrelated folders. */
const FALLBACK_CONTEXT_EXCLUDES = [
  '.git',
  'node_modules',
  'cdk.out',
  '.gantry',
  '.gantry-*',
  '.bench',
  'coverage',
  'web',
  'bench',
  'test',
];

/**
 * The builder image, built at deploy time from `builder-image/Dockerfile`. Its build context is
 * the repository root (the entrypoint bundles `lambdas/domain`), narrowed by
 * `builder-image/Dockerfile.dockerignore` so that only what the image is made from is staged
 * and hashed. Pinned to linux/amd64 so an image built on an arm64 laptop runs on the x86 task.
 */
export function builderImageFromSource(): ecs.ContainerImage {
  const ignoreFile = join(PROJECT_ROOT, 'builder-image', 'Dockerfile.dockerignore');
  const exclude = existsSync(ignoreFile)
    ? readFileSync(ignoreFile, 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.length > 0 && !line.startsWith('#'))
    : FALLBACK_CONTEXT_EXCLUDES;
  return ecs.ContainerImage.fromAsset(PROJECT_ROOT, {
    file: join('builder-image', 'Dockerfile'),
    exclude,
    ignoreMode: IgnoreMode.DOCKER,
    platform: Platform.LINUX_AMD64,
  });
}

/** Name of the builder container; the state machine's container overrides address it by this name. */
export const BUILDER_CONTAINER_NAME = 'builder';
const SUBNET_GROUP = 'builder';

/**
 * The isolated builder: a two-AZ VPC (public subnets by default, private isolated ones with VPC
 * endpoints in `isolated` mode) holding the Fargate build tasks, a security group with no inbound
 * rules and HTTPS-only egress, an ECS cluster with Container Insights, and the task definition
 * sized from `policy.yaml`. The container runs as a non-root user with a read-only root
 * filesystem and every Linux capability but four dropped (see builder-image/src/app-identity.ts);
 * its task role holds no permission at all (the builder reaches its attempt's objects through
 * presigned URLs) and no secret.
 */
export class BuilderFoundry extends Construct {
  readonly vpc: ec2.Vpc;
  readonly securityGroup: ec2.SecurityGroup;
  readonly cluster: ecs.Cluster;
  readonly taskDefinition: ecs.FargateTaskDefinition;
  readonly container: ecs.ContainerDefinition;
  readonly executionRole: iam.IRole;
  readonly size: FargateSize;
  /** The two private subnets the state machine launches builds into. */
  readonly subnetIds: readonly [string, string];
  readonly logGroup: logs.LogGroup;
  readonly network: BuilderNetworkMode;
  /** What the Build state passes as `AssignPublicIp`: ENABLED in public mode, DISABLED when isolated. */
  readonly assignPublicIp: 'ENABLED' | 'DISABLED';
  readonly s3Endpoint: ec2.GatewayVpcEndpoint;
  /** ECR (API and registry) and CloudWatch Logs endpoints in isolated mode; none in public mode. */
  readonly interfaceEndpoints: ec2.InterfaceVpcEndpoint[];

  constructor(scope: Construct, id: string, props: BuilderFoundryProps) {
    super(scope, id);
    const network = props.network ?? 'public';
    if (!BUILDER_NETWORK_MODES.includes(network)) throw new Error(`BuilderFoundry: unknown network mode '${String(network)}'`);
    this.network = network;
    this.assignPublicIp = network === 'public' ? 'ENABLED' : 'DISABLED';
    const retention = props.logRetention ?? logs.RetentionDays.ONE_MONTH;

    this.vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [
        {
          name: SUBNET_GROUP,
          subnetType: network === 'public' ? ec2.SubnetType.PUBLIC : ec2.SubnetType.PRIVATE_ISOLATED,
          cidrMask: 22,
          // Only the Build state's RunTask (AssignPublicIp ENABLED) gives a task a public address.
          ...(network === 'public' ? { mapPublicIpOnLaunch: false } : {}),
        },
      ],
    });
    this.vpc.addFlowLog('FlowLog', {
      destination: ec2.FlowLogDestination.toCloudWatchLogs(
        new logs.LogGroup(this, 'FlowLogs', { retention, removalPolicy: RemovalPolicy.RETAIN }),
      ),
      trafficType: ec2.FlowLogTrafficType.ALL,
    });
    const subnets = this.vpc.selectSubnets({ subnetGroupName: SUBNET_GROUP }).subnetIds;
    const [subnetA, subnetB] = subnets;
    if (subnets.length !== 2 || !subnetA || !subnetB) {
      throw new Error(`BuilderFoundry: expected two builder subnets, got ${subnets.length}`);
    }
    this.subnetIds = [subnetA, subnetB];

    this.securityGroup = new ec2.SecurityGroup(this, 'BuilderSecurityGroup', {
      vpc: this.vpc,
      description: 'Gantry builder tasks: no inbound, HTTPS egress only',
      allowAllOutbound: false,
    });
    this.securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to AWS endpoints only');

    // S3 through a gateway endpoint in both modes (free). Its policy names the buckets builders
    // may use: the artifact bucket and the bucket ECR serves image layers from.
    this.s3Endpoint = this.vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 });
    const region = Stack.of(this).region;
    this.s3Endpoint.addToPolicy(
      new iam.PolicyStatement({
        principals: [new iam.AnyPrincipal()],
        actions: ['s3:GetObject'],
        resources: [`arn:${Stack.of(this).partition}:s3:::prod-${region}-starport-layer-bucket/*`],
      }),
    );
    this.s3Endpoint.addToPolicy(
      new iam.PolicyStatement({
        principals: [new iam.AnyPrincipal()],
        actions: ['s3:GetObject', 's3:PutObject', 's3:ListBucket'],
        resources: [props.artifacts.bucket.bucketArn, props.artifacts.bucket.arnForObjects('*')],
      }),
    );
    this.interfaceEndpoints = [];
    this.cluster = new ecs.Cluster(this, 'Cluster', {
      vpc: this.vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
    });

    this.size = fargateSizeFor(props.limits);
    this.taskDefinition = new ecs.FargateTaskDefinition(this, 'BuilderTask', {
      // Task size is the valid Fargate pair around the policy's limits; the policy's memory is
      // enforced on the container below (see fargateSizeFor).
      cpu: this.size.taskCpu,
      memoryLimitMiB: this.size.taskMemoryMiB,
      runtimePlatform: {
        cpuArchitecture: ecs.CpuArchitecture.X86_64,
        operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
      },
      volumes: [{ name: 'work' }, { name: 'tmp' }],
    });

    this.logGroup = new logs.LogGroup(this, 'BuilderLogs', { retention, removalPolicy: RemovalPolicy.RETAIN });
    if (network === 'isolated') this.addInterfaceEndpoints();
    const linuxParameters = new ecs.LinuxParameters(this, 'BuilderLinuxParameters', { initProcessEnabled: true });
    // Fargate can add no capability but SYS_PTRACE, so keep four of Docker's defaults by dropping
    // every other one: the builder needs them to run the app under its own uid (app-identity.ts).
    const kept = new Set<string>(BUILDER_CAPABILITIES.map((c) => c.toUpperCase()));
    linuxParameters.dropCapabilities(...Object.values(ecs.Capability).filter((c) => c !== ecs.Capability.ALL && !kept.has(c)));

    this.container = this.taskDefinition.addContainer('Builder', {
      containerName: BUILDER_CONTAINER_NAME,
      image: props.image ?? builderImageFromSource(),
      // The hard limit from policy.yaml: above it the kernel OOM-kills the build.
      memoryLimitMiB: this.size.containerMemoryLimitMiB,
      // Root only for the entry point's exec, which drops to the builder's uid (1000) at once.
      user: '0:0',
      entryPoint: builderLaunchArgv({ setpriv: '/usr/bin/setpriv', node: 'node', entrypoint: '/opt/gantry/entrypoint.js' }),
      readonlyRootFilesystem: true,
      linuxParameters,
      // The builder's own dead man's switch ends a build; this is only the grace period after SIGTERM.
      stopTimeout: Duration.seconds(30),
      logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'build', logGroup: this.logGroup }),
      // Per-build values (tenant, mission, attempt, the presigned job URL) come from the state
      // machine's container overrides. No bucket name: the builder needs none.
      environment: {
        GANTRY_BUILDER_MODE: 'aws',
        GANTRY_APP_UID: String(APP_UID),
        GANTRY_APP_GID: String(APP_UID),
      },
    });
    // The root filesystem is read-only; the build writes only to these task-scoped volumes.
    this.container.addMountPoints(
      { sourceVolume: 'work', containerPath: '/work', readOnly: false },
      { sourceVolume: 'tmp', containerPath: '/tmp', readOnly: false },
    );

    // No grant to the task role: generated code runs in this task, so the role must reach nothing.
    this.executionRole = this.taskDefinition.obtainExecutionRole();

    acknowledge(
      this.taskDefinition,
      'AwsSolutions-ECS2',
      'The only variables are the builder mode and the app uid, neither of them secret; per-mission values ' +
        '(ids and a presigned URL of the attempt) come from the state machine as container overrides. The task holds no secret.',
    );
    acknowledge(
      this.executionRole,
      'AwsSolutions-IAM5[Resource::*]',
      'ecr:GetAuthorizationToken, which the execution role needs to pull the builder image, accepts only Resource "*".',
    );
  }

  /** Isolated mode: interface endpoints for the image pull and the logs, each limited by its policy. */
  private addInterfaceEndpoints(): void {
    const stack = Stack.of(this);
    const endpointSecurityGroup = new ec2.SecurityGroup(this, 'EndpointSecurityGroup', {
      vpc: this.vpc,
      description: 'Gantry VPC interface endpoints: HTTPS from builder tasks',
      allowAllOutbound: false,
    });
    endpointSecurityGroup.addIngressRule(this.securityGroup, ec2.Port.tcp(443), 'HTTPS from builder tasks');
    const endpoint = (id: string, service: ec2.InterfaceVpcEndpointAwsService, statements: iam.PolicyStatement[]) => {
      const created = this.vpc.addInterfaceEndpoint(id, {
        service,
        privateDnsEnabled: true,
        open: false,
        securityGroups: [endpointSecurityGroup],
      });
      for (const statement of statements) created.addToPolicy(statement);
      this.interfaceEndpoints.push(created);
    };
    const anyone = [new iam.AnyPrincipal()];
    const repositories = stack.formatArn({ service: 'ecr', resource: 'repository', resourceName: '*' });
    const pull = new iam.PolicyStatement({
      principals: anyone,
      actions: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'],
      resources: [repositories],
    });
    endpoint('EcrApi', ec2.InterfaceVpcEndpointAwsService.ECR, [
      // GetAuthorizationToken accepts only "*".
      new iam.PolicyStatement({ principals: anyone, actions: ['ecr:GetAuthorizationToken'], resources: ['*'] }),
      pull,
    ]);
    endpoint('EcrDocker', ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER, [pull]);
    endpoint('Logs', ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS, [
      new iam.PolicyStatement({
        principals: anyone,
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn, `${this.logGroup.logGroupArn}:*`],
      }),
    ]);
  }

  /**
   * Lets a function look up finished build tasks of this cluster (exit code, stop reason).
   * Sets `GANTRY_BUILDER_CLUSTER_ARN`.
   */
  grantDescribeBuilds(fn: GantryFunction): void {
    fn.allow(
      new iam.PolicyStatement({
        actions: ['ecs:DescribeTasks'],
        resources: [this.taskArnPattern()],
        conditions: { ArnEquals: { 'ecs:cluster': this.cluster.clusterArn } },
      }),
      'Build task ids are assigned by ECS at launch; the pattern is limited to this cluster.',
    );
    fn.addEnvironment('GANTRY_BUILDER_CLUSTER_ARN', this.cluster.clusterArn);
  }

  /** ARN pattern of every revision of the builder task definition's family. */
  taskDefinitionFamilyArnPattern(): string {
    return Stack.of(this).formatArn({
      service: 'ecs',
      resource: 'task-definition',
      resourceName: `${this.taskDefinition.family}:*`,
    });
  }

  /** ARN pattern of this cluster's tasks. */
  taskArnPattern(): string {
    return Stack.of(this).formatArn({
      service: 'ecs',
      resource: 'task',
      resourceName: `${this.cluster.clusterName}/*`,
    });
  }

  /** Container Insights CPU used by build tasks (CPU units; the task has `size.taskCpu`). */
  metricCpuUtilized(): cloudwatch.Metric {
    return this.insightsMetric('CpuUtilized');
  }

  /** Container Insights memory used by build tasks (MiB; the build is capped at `size.containerMemoryLimitMiB`). */
  metricMemoryUtilized(): cloudwatch.Metric {
    return this.insightsMetric('MemoryUtilized');
  }

  private insightsMetric(metricName: string): cloudwatch.Metric {
    return new cloudwatch.Metric({
      namespace: 'ECS/ContainerInsights',
      metricName,
      dimensionsMap: {
        ClusterName: this.cluster.clusterName,
        TaskDefinitionFamily: this.taskDefinition.family,
      },
      statistic: 'Maximum',
      period: Duration.minutes(1),
    });
  }
}
