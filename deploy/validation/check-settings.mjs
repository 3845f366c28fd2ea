// Checks that the settings the deployment files pass to the server exist in the server:
// every CustomerNeeds__A__B environment name of deploy/compose.yaml and of the rendered
// Kubernetes objects must name, segment by segment, options properties or configuration
// section names of the source (src/**/*Options.cs, and the "CustomerNeeds:..." constants of
// src/CustomerNeeds.Server). Also: the Kubernetes pod labels orleans/serviceId and
// orleans/clusterId equal the configured ServiceId and ClusterId, and the probe and container
// ports equal the configured ports.
//
//   node check-settings.mjs REPO_ROOT compose.yaml RENDERED_KUBERNETES.yaml
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse, parseAllDocuments } from "yaml";

const [root, composeFile, kubernetesFile] = process.argv.slice(2);
if (!kubernetesFile) {
  console.error("usage: node check-settings.mjs REPO_ROOT compose.yaml RENDERED.yaml");
  process.exit(2);
}

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "bin" || entry.name === "obj") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.name.endsWith(".cs")) yield path;
  }
}

// The names the configuration binder can reach: settable properties of the options classes,
// and the segments of configuration keys the server reads by name.
const known = new Set(["CustomerNeeds"]);
for (const path of files(join(root, "src"))) {
  const text = readFileSync(path, "utf8");
  if (path.endsWith("Options.cs")) {
    for (const m of text.matchAll(/public\s+[\w<>,?.\[\]\s]+?\s+(\w+)\s*\{\s*get;\s*(?:set|init);/g)) known.add(m[1]);
  }
  if (path.includes("CustomerNeeds.Server")) {
    for (const m of text.matchAll(/"((?:CustomerNeeds|\{ServerOptions\.Section\})(?::\w+)+)"/g)) {
      for (const segment of m[1].split(":").slice(1)) known.add(segment);
    }
  }
}
// Segments below these are not ours: Orleans options, or dictionary keys (roles).
const openBelow = new Set(["Membership", "RateLimits"]);

const problems = [];
let names = 0;
function checkName(where, name) {
  if (name === "ConnectionStrings__CustomerNeeds") {
    names++;
    return;
  }
  if (!name.startsWith("CustomerNeeds__")) return;
  names++;
  for (const segment of name.split("__")) {
    if (/^\d+$/.test(segment)) continue;
    if (!known.has(segment)) {
      problems.push(`${where}: ${name}: "${segment}" is no setting of the server`);
      return;
    }
    if (openBelow.has(segment)) return;
  }
}

// compose.yaml
const compose = parse(readFileSync(composeFile, "utf8"), { merge: true });
const composeEnv = {};
for (const [service, definition] of Object.entries(compose.services ?? {})) {
  const env = definition.environment ?? {};
  const entries = Array.isArray(env) ? env.map((e) => e.split("=", 2)) : Object.entries(env);
  for (const [name, value] of entries) {
    checkName(`compose ${service}`, name);
    composeEnv[`${service}:${name}`] = String(value);
  }
}

// Rendered Kubernetes objects.
const objects = parseAllDocuments(readFileSync(kubernetesFile, "utf8")).map((d) => d.toJS()).filter(Boolean);
const config = {};
for (const object of objects) {
  const where = `${object.kind}/${object.metadata?.name}`;
  if (object.kind === "ConfigMap" || object.kind === "Secret") {
    for (const [name, value] of Object.entries({ ...object.data, ...object.stringData })) {
      checkName(where, name);
      if (object.kind === "ConfigMap") config[name] = value;
    }
  }
  const spec = object.spec?.template?.spec ?? object.spec?.jobTemplate?.spec?.template?.spec;
  for (const container of spec?.containers ?? []) {
    for (const env of container.env ?? []) checkName(`${where} ${container.name}`, env.name);
  }
}

// Kubernetes: labels, probe ports and container ports agree with the ConfigMap.
const deployment = objects.find((o) => o.kind === "Deployment");
if (deployment) {
  const labels = deployment.spec.template.metadata.labels ?? {};
  const expect = (what, actual, wanted) => {
    if (String(actual) !== String(wanted)) problems.push(`Deployment/${deployment.metadata.name}: ${what} is ${actual}, the ConfigMap says ${wanted}`);
  };
  expect("label orleans/serviceId", labels["orleans/serviceId"], config.CustomerNeeds__Cluster__ServiceId ?? "customerneeds");
  expect("label orleans/clusterId", labels["orleans/clusterId"], config.CustomerNeeds__Cluster__ClusterId ?? "local");
  const container = deployment.spec.template.spec.containers[0];
  for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
    if (!container[probe]?.grpc) problems.push(`Deployment: ${probe} is not a gRPC probe`);
    else expect(`${probe} port`, container[probe].grpc.port, config.CustomerNeeds__HealthPort);
  }
  const port = (name) => container.ports?.find((p) => p.name === name)?.containerPort;
  expect("port grpc", port("grpc"), config.CustomerNeeds__GrpcPort ?? 5080);
  expect("port health", port("health"), config.CustomerNeeds__HealthPort);
  expect("port silo", port("silo"), config.CustomerNeeds__Cluster__SiloPort ?? 11111);
  expect("port gateway", port("gateway"), config.CustomerNeeds__Cluster__GatewayPort ?? 30000);
}

for (const problem of problems) console.error(`settings: ${problem}`);
console.log(`settings: ${names} environment names checked against ${known.size} option and section names, ${problems.length} problems`);
process.exit(problems.length === 0 && names > 0 ? 0 : 1);
