// Validates every object of a rendered kustomization (multi-document YAML, file argument) against
// the Kubernetes OpenAPI schemas compiled into the kubernetes-models package, offline. On top of
// the schema (types, required fields, enums, formats) it rejects fields the schema does not know
// (a misspelt `readinesProbe` would otherwise pass silently): a field counts as known when the
// compiled validator looked it up, or when the validator enumerated the object (maps such as
// labels and ConfigMap data).
import { readFileSync } from "node:fs";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const file = process.argv[2];
if (!file) {
  console.error("usage: node validate-kubernetes.mjs RENDERED.yaml");
  process.exit(2);
}

const schemaDir = fileURLToPath(new URL("./node_modules/kubernetes-models/_schemas/", import.meta.url));

/** "apps/v1" + "Deployment" -> IoK8sApiAppsV1Deployment (core "v1" -> IoK8sApiCoreV1...). */
function schemaName(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["core", apiVersion];
  const head = group.split(".")[0];
  const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
  return `IoK8sApi${cap(head)}${cap(version)}${kind}`;
}

/** Wraps an object tree so that the fields the validator reads are recorded per object. */
function watch(value, seen) {
  if (value === null || typeof value !== "object") {
    return value;
  }
  const record = { read: new Set(), enumerated: false };
  seen.set(value, record);
  return new Proxy(value, {
    get(target, key) {
      if (typeof key === "string") record.read.add(key);
      return watch(target[key], seen);
    },
    has(target, key) {
      if (typeof key === "string") record.read.add(key);
      return key in target;
    },
    getOwnPropertyDescriptor(target, key) {
      if (typeof key === "string") record.read.add(key);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    ownKeys(target) {
      record.enumerated = true;
      return Reflect.ownKeys(target);
    },
  });
}

function unknownFields(value, seen, path, out) {
  if (value === null || typeof value !== "object") return;
  const record = seen.get(value);
  for (const [key, child] of Object.entries(value)) {
    const childPath = Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`;
    if (!Array.isArray(value) && record && !record.enumerated && !record.read.has(key)) {
      out.push(childPath);
      continue;
    }
    unknownFields(child, seen, childPath, out);
  }
}

const documents = parseAllDocuments(readFileSync(file, "utf8"));
let failures = 0;
let checked = 0;
for (const document of documents) {
  if (document.errors.length > 0) {
    console.error(`YAML error: ${document.errors[0].message}`);
    failures++;
    continue;
  }
  const object = document.toJS();
  if (object === null) continue;
  const name = `${object.kind}/${object.metadata?.name ?? "?"}`;
  if (typeof object.apiVersion !== "string" || typeof object.kind !== "string") {
    console.error(`${name}: no apiVersion or kind`);
    failures++;
    continue;
  }
  const schema = schemaName(object.apiVersion, object.kind);
  const schemaFile = `${schemaDir}${schema}.js`;
  if (!existsSync(schemaFile)) {
    console.error(`${name}: ${object.apiVersion} ${object.kind} is not a Kubernetes API kind`);
    failures++;
    continue;
  }
  // kustomize folds long base64 values into lines; the API server's base64 decoder skips
  // newlines, the schema's "byte" format does not.
  for (const field of ["data", "binaryData"]) {
    if ((object.kind === "Secret" || field === "binaryData") && object[field] && typeof object[field] === "object") {
      for (const key of Object.keys(object[field])) {
        if (typeof object[field][key] === "string") object[field][key] = object[field][key].replace(/[\r\n]/g, "");
      }
    }
  }
  const { validate } = await import(schemaFile);
  const seen = new Map();
  const valid = validate(watch(object, seen));
  const problems = valid ? [] : validate.errors.map((e) => `${e.instancePath || "/"}: ${e.message ?? `${e.keyword} ${JSON.stringify(e.params)}`}`);
  const unknown = [];
  // Top level: apiVersion, kind, metadata, spec, data... the schema reads each known one.
  unknownFields(object, seen, "", unknown);
  problems.push(...unknown.map((p) => `${p} is not a field of ${object.apiVersion} ${object.kind}`));
  checked++;
  if (problems.length > 0) {
    failures++;
    for (const problem of problems) console.error(`${name}: ${problem}`);
  }
}

console.log(`kubernetes schemas: ${checked} objects checked, ${failures} invalid`);
process.exit(failures === 0 && checked > 0 ? 0 : 1);
