import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { FARGATE_MEMORY_BY_CPU, fargateSizeFor } from '../../lib/constructs/fargate-size';
import { grantedStatements, logicalId, synthesizeGantry, type SynthesizedGantry } from './gantry-template';

describe('fargateSizeFor', () => {
  test('the seed limits (512 MB, 50% CPU) become 512 CPU units, 1024 MiB task, 512 MiB container', () => {
    expect(fargateSizeFor({ memory_mb: 512, cpu_percent: 50 })).toEqual({
      taskCpu: 512,
      taskMemoryMiB: 1024,
      containerMemoryLimitMiB: 512,
    });
  });

  test.each([
    [{ memory_mb: 256, cpu_percent: 25 }, 256, 512],
    [{ memory_mb: 64, cpu_percent: 5 }, 256, 512],
    [{ memory_mb: 3000, cpu_percent: 50 }, 512, 3072],
    // 5 GiB does not fit 0.5 vCPU (max 4 GiB), so the CPU goes up to the next size that holds it.
    [{ memory_mb: 5000, cpu_percent: 50 }, 1024, 5120],
    [{ memory_mb: 2048, cpu_percent: 100 }, 1024, 2048],
    [{ memory_mb: 30720, cpu_percent: 400 }, 4096, 30720],
  ])('%j -> %i CPU units, %i MiB', (limits, cpu, memory) => {
    const size = fargateSizeFor(limits);
    expect(size).toEqual({ taskCpu: cpu, taskMemoryMiB: memory, containerMemoryLimitMiB: limits.memory_mb });
    expect(FARGATE_MEMORY_BY_CPU.get(size.taskCpu)).toContain(size.taskMemoryMiB);
  });

  test('refuses limits no Fargate task can hold', () => {
    expect(() => fargateSizeFor({ memory_mb: 200_000, cpu_percent: 50 })).toThrow(/No Fargate task size/);
    expect(() => fargateSizeFor({ memory_mb: 0, cpu_percent: 50 })).toThrow(/positive/);
  });
});

describe('builder foundry', () => {
  let g: SynthesizedGantry;
  let container: Record<string, unknown>;
  beforeAll(() => {
    g = synthesizeGantry();
    const taskDef = Object.values(g.template.findResources('AWS::ECS::TaskDefinition'))[0] as {
      Properties: { ContainerDefinitions: Record<string, unknown>[] };
    };
    const first = taskDef.Properties.ContainerDefinitions[0];
    if (!first) throw new Error('no container');
    container = first;
  });

  test('task CPU and memory are derived from policy.yaml', () => {
    const { memory_mb, cpu_percent } = g.policy.builder;
    const requested = Math.round((cpu_percent / 100) * 1024);
    const tasks = g.template.findResources('AWS::ECS::TaskDefinition');
    expect(Object.keys(tasks)).toHaveLength(1);
    const props = (Object.values(tasks)[0] as { Properties: { Cpu: string; Memory: string } }).Properties;
    const cpu = Number(props.Cpu);
    const memory = Number(props.Memory);
    // Valid Fargate pair, at least the requested share, smallest memory that holds the container limit.
    expect(cpu).toBeGreaterThanOrEqual(requested);
    const memories = FARGATE_MEMORY_BY_CPU.get(cpu);
    expect(memories).toBeDefined();
    expect(memory).toBe(memories?.find((m) => m >= memory_mb));
    expect({ cpu, memory }).toEqual({
      cpu: fargateSizeFor(g.policy.builder).taskCpu,
      memory: fargateSizeFor(g.policy.builder).taskMemoryMiB,
    });
    g.template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      RequiresCompatibilities: ['FARGATE'],
      NetworkMode: 'awsvpc',
    });
  });

  test('the container hard memory limit is exactly policy.builder.memory_mb', () => {
    expect(container.Memory).toBe(g.policy.builder.memory_mb);
  });

  test('container "builder" drops to uid 1000 at its first exec, with a read-only root, four capabilities and awslogs', () => {
    expect(container).toMatchObject({
      Name: 'builder',
      // root only for the entry point, which execs the builder as 1000 with four ambient capabilities
      User: '0:0',
      EntryPoint: [
        '/usr/bin/setpriv',
        '--reuid=1000',
        '--regid=1000',
        '--clear-groups',
        '--inh-caps=-all,+chown,+kill,+setgid,+setuid',
        '--ambient-caps=-all,+chown,+kill,+setgid,+setuid',
        '--no-new-privs',
        '--',
        'node',
        '/opt/gantry/entrypoint.js',
      ],
      ReadonlyRootFilesystem: true,
      StopTimeout: 30,
      LinuxParameters: { InitProcessEnabled: true },
      LogConfiguration: { LogDriver: 'awslogs' },
      MountPoints: [
        { ContainerPath: '/work', ReadOnly: false, SourceVolume: 'work' },
        { ContainerPath: '/tmp', ReadOnly: false, SourceVolume: 'tmp' },
      ],
    });
    const { Add, Drop } = (container.LinuxParameters as { Capabilities: { Add?: string[]; Drop: string[] } }).Capabilities;
    expect(Add).toBeUndefined();
    // Every one of Docker's default capabilities is dropped except the four the uid switch needs.
    const dockerDefaults = ['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD'];
    dockerDefaults.push('NET_BIND_SERVICE', 'NET_RAW', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT');
    expect(dockerDefaults.filter((c) => !Drop.includes(c)).sort()).toEqual(['CHOWN', 'KILL', 'SETGID', 'SETUID']);
    expect(Drop).toEqual(expect.arrayContaining(['SYS_ADMIN', 'SYS_PTRACE', 'NET_ADMIN', 'DAC_READ_SEARCH']));
    expect(container.Environment).toEqual(
      expect.arrayContaining([
        { Name: 'GANTRY_APP_UID', Value: '1001' },
        { Name: 'GANTRY_APP_GID', Value: '1001' },
      ]),
    );
    // The builder reaches the bucket only through its attempt's presigned URLs: no bucket name, no AWS variable.
    expect(JSON.stringify(container.Environment)).not.toMatch(/ARTIFACT|AWS_/);
    const logGroupRef = (container.LogConfiguration as { Options: Record<string, unknown> }).Options['awslogs-group'];
    const logGroup = g.template.toJSON().Resources[(logGroupRef as { Ref: string }).Ref];
    expect(logGroup.Properties.RetentionInDays).toBeGreaterThan(0);
  });

  test('the image is built from builder-image/Dockerfile for linux/amd64 with a narrowed repository context', () => {
    const assembly = g.app.synth();
    const manifest = JSON.parse(readFileSync(join(assembly.directory, `${g.stack.artifactId}.assets.json`), 'utf8')) as {
      dockerImages: Record<string, { source: { directory: string; dockerFile: string; platform: string } }>;
    };
    const images = Object.values(manifest.dockerImages);
    expect(images).toHaveLength(1);
    const source = images[0]?.source;
    expect(source).toMatchObject({ dockerFile: 'builder-image/Dockerfile', platform: 'linux/amd64' });
    const context = join(assembly.directory, source?.directory ?? '');
    expect(existsSync(join(context, 'builder-image', 'Dockerfile'))).toBe(true);
    expect(existsSync(join(context, 'builder-image', 'src', 'entrypoint.ts'))).toBe(true);
    expect(existsSync(join(context, 'node_modules'))).toBe(false);
    expect(existsSync(join(context, 'lib'))).toBe(false);
  });

  test('the builder security group has no inbound rule and only HTTPS egress', () => {
    const sgId = logicalId(g.stack.foundry.securityGroup);
    const sg = g.template.toJSON().Resources[sgId];
    expect(sg.Properties.SecurityGroupIngress).toBeUndefined();
    expect(sg.Properties.SecurityGroupEgress).toEqual([
      expect.objectContaining({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' }),
    ]);
    const ingressIntoBuilder = Object.values(g.template.findResources('AWS::EC2::SecurityGroupIngress')).filter((r) =>
      JSON.stringify((r as { Properties: { GroupId: unknown } }).Properties.GroupId).includes(sgId),
    );
    expect(ingressIntoBuilder).toEqual([]);
  });

  test('by default two public builder subnets, no NAT gateway, no interface endpoint; S3 through a gateway endpoint naming its buckets', () => {
    expect(g.stack.foundry.network).toBe('public');
    g.template.resourceCountIs('AWS::EC2::NatGateway', 0);
    expect(g.stack.foundry.subnetIds).toHaveLength(2);
    const endpoints = Object.values(g.template.findResources('AWS::EC2::VPCEndpoint')) as {
      Properties: { ServiceName: unknown; VpcEndpointType?: string; PolicyDocument?: unknown };
    }[];
    expect(endpoints.filter((e) => e.Properties.VpcEndpointType === 'Interface')).toHaveLength(0);
    expect(endpoints).toHaveLength(1);
    const s3Policy = JSON.stringify(endpoints[0]!.Properties.PolicyDocument);
    expect(s3Policy).toContain('-starport-layer-bucket/*');
    expect(s3Policy).toContain(logicalId(g.stack.artifacts.bucket));
    // Subnets hand out no public address on their own: only the Build state's RunTask asks for one.
    for (const subnet of Object.values(g.template.findResources('AWS::EC2::Subnet')) as {
      Properties: { MapPublicIpOnLaunch?: boolean };
    }[]) {
      expect(subnet.Properties.MapPublicIpOnLaunch).toBe(false);
    }
    g.template.hasResourceProperties('AWS::EC2::FlowLog', { TrafficType: 'ALL' });
    g.template.hasResourceProperties('AWS::ECS::Cluster', {
      ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }],
    });
  });

  test('the task role holds no permission: generated code in the task can reach nothing with it', () => {
    const taskRole = logicalId(g.stack.foundry.taskDefinition.taskRole);
    expect(grantedStatements(g.template).filter((s) => s.roles.includes(taskRole))).toEqual([]);
    const role = g.template.toJSON().Resources[taskRole] as { Properties: Record<string, unknown> };
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    expect(role.Properties.Policies).toBeUndefined();
  });

  test('the state machine launches into the two builder subnets with the builder security group', () => {
    g.template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      DefinitionSubstitutions: Match.objectLike({
        BuilderSubnetA: { Ref: Match.stringLikeRegexp('builderSubnet1') },
        BuilderSubnetB: { Ref: Match.stringLikeRegexp('builderSubnet2') },
        BuilderSecurityGroupId: { 'Fn::GetAtt': [logicalId(g.stack.foundry.securityGroup), 'GroupId'] },
        BuilderClusterArn: { 'Fn::GetAtt': [logicalId(g.stack.foundry.cluster), 'Arn'] },
        BuilderTaskDefinitionArn: { Ref: logicalId(g.stack.foundry.taskDefinition) },
      }),
    });
  });
});

describe('builder foundry in isolated network mode', () => {
  test('no internet at all: isolated subnets, endpoints for S3, ECR and logs whose policies name what they serve; nag-clean', () => {
    const g = synthesizeGantry({
      'gantry:network': 'isolated',
      'gantry:alarmTopicArn': 'arn:aws:sns:us-east-1:123456789012:ops',
    });
    g.template.resourceCountIs('AWS::EC2::NatGateway', 0);
    g.template.resourceCountIs('AWS::EC2::InternetGateway', 0);
    const endpoints = Object.values(g.template.findResources('AWS::EC2::VPCEndpoint')) as {
      Properties: { ServiceName: unknown; VpcEndpointType?: string; PolicyDocument?: { Statement: unknown[] } };
    }[];
    const services = endpoints.map((e) => JSON.stringify(e.Properties.ServiceName));
    for (const service of ['.s3', '.ecr.api', '.ecr.dkr', '.logs']) expect(services.some((s) => s.includes(service))).toBe(true);
    for (const endpoint of endpoints) expect(endpoint.Properties.PolicyDocument?.Statement.length).toBeGreaterThan(0);
    const logs = endpoints.find((e) => JSON.stringify(e.Properties.ServiceName).includes('.logs'));
    expect(JSON.stringify(logs?.Properties.PolicyDocument)).toContain(logicalId(g.stack.foundry.logGroup));
    const sg = g.template.toJSON().Resources[logicalId(g.stack.foundry.securityGroup)];
    expect(sg.Properties.SecurityGroupEgress).toEqual([expect.objectContaining({ FromPort: 443, ToPort: 443 })]);
    g.template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      DefinitionSubstitutions: Match.objectLike({ BuilderAssignPublicIp: 'DISABLED' }),
    });
    expect(new AwsSolutionsChecks().validateScope(g.app).violations).toEqual([]);
    g.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmActions: ['arn:aws:sns:us-east-1:123456789012:ops'],
    });
  });

  test('an unknown network mode is refused', () => {
    expect(() => synthesizeGantry({ 'gantry:network': 'nat' })).toThrow(/gantry:network/);
  });
});
