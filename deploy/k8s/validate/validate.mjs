// Validates Kubernetes manifests against the schemas that the npm packages kubernetes-models
// and @kubernetes-models/prometheus-operator generate from the Kubernetes and Prometheus
// Operator OpenAPI definitions: field types, required fields, enums and formats. (Unknown
// fields are not reported: the Kubernetes schemas allow them.)
//
// Usage: npm install --prefix deploy/k8s/validate
//        node deploy/k8s/validate/validate.mjs deploy/k8s/deployment.yaml ...
// Prints one line per document and "N valid, M invalid"; exits 1 when a document is invalid.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

function modelModule(apiVersion) {
  if (apiVersion.startsWith("monitoring.coreos.com/")) {
    return "@kubernetes-models/prometheus-operator/" + apiVersion;
  }
  return "kubernetes-models/" + apiVersion;
}

let valid = 0;
let invalid = 0;
for (const file of process.argv.slice(2)) {
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (doc.errors.length > 0) {
      invalid++;
      console.log(`FAIL ${file}: YAML: ${doc.errors.map((e) => e.message).join("; ")}`);
      continue;
    }
    const obj = doc.toJS();
    if (obj === null || obj === undefined) continue;
    if (obj.kind === "Kustomization") continue; // kustomize's own file, not an API object
    const where = `${file}: ${obj.apiVersion} ${obj.kind} ${obj.metadata?.name}`;
    try {
      if (typeof obj.apiVersion !== "string" || typeof obj.kind !== "string") {
        throw new Error("apiVersion and kind are required");
      }
      let mod;
      try {
        mod = await import(modelModule(obj.apiVersion));
      } catch {
        throw new Error(`unknown apiVersion ${obj.apiVersion}`);
      }
      const Model = mod[obj.kind];
      if (typeof Model !== "function") throw new Error(`unknown kind ${obj.kind} in ${obj.apiVersion}`);
      new Model(obj).validate();
      valid++;
      console.log(`ok   ${where}`);
    } catch (e) {
      invalid++;
      console.log(`FAIL ${where}: ${e.message}`);
    }
  }
}
console.log(`${valid} valid, ${invalid} invalid`);
process.exit(invalid > 0 ? 1 : 0);
