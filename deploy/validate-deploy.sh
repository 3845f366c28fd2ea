#!/usr/bin/env bash
# Static checks of the deployment files, offline (CI runs it before the tests):
#   1. kubectl kustomize deploy/kubernetes builds;
#   2. every rendered Kubernetes object is valid against the Kubernetes API schemas
#      (kubernetes-models), with no unknown fields;
#   3. deploy/compose.yaml is valid against the Compose Specification schema, its depends_on,
#      volumes and mounted files resolve;
#   4. nginx -t accepts deploy/nginx/compose.conf with deploy/nginx/grpc-proxy.conf (the compose
#      service names replaced by loopback addresses);
#   5. every CustomerNeeds__* setting in compose and Kubernetes names a setting of the server,
#      pod labels and ports agree with the configuration, and the Dockerfile's COPY sources and
#      project files are all there.
# Installs what is missing: the pinned npm packages of deploy/validation (npm ci), nginx and,
# when there is no kubectl, Debian's kubectl (too old to build the kustomization: then the
# resource files are checked as written, and the script says so).
#
#   ./deploy/validate-deploy.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

work=$(mktemp -d "${TMPDIR:-/tmp}/customerneeds-validate.XXXXXX")
trap 'rm -rf "$work"' EXIT

step() { printf '\n== %s\n' "$*"; }
apt_install() {
  if [[ ! -f "$work/apt-updated" ]]; then
    apt-get update -qq >/dev/null && touch "$work/apt-updated"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

step "npm packages (deploy/validation/package-lock.json)"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt_install nodejs npm
fi
if ! (cd deploy/validation && npm ls --depth=0 >/dev/null 2>&1); then
  (cd deploy/validation && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "installed: $(cd deploy/validation && npm ls --depth=0 --parseable 2>/dev/null | tail -n +2 | xargs -n1 basename | tr '\n' ' ')"

step "1. kustomize build of deploy/kubernetes"
# The Secret's source file is not in the repository: build a copy with the example values.
cp -r deploy/kubernetes "$work/kubernetes"
cp "$work/kubernetes/secrets/customerneeds.example.env" "$work/kubernetes/secrets/customerneeds.env"
rendered="$work/kubernetes.yaml"
if ! command -v kubectl >/dev/null; then
  echo "no kubectl: installing Debian's kubernetes-client"
  apt_install kubernetes-client || true
fi
kustomize_error="$work/kustomize.err"
if command -v kubectl >/dev/null && kubectl kustomize "$work/kubernetes" >"$rendered" 2>"$kustomize_error"; then
  echo "kubectl kustomize: $(grep -c '^kind:' "$rendered") objects ($(kubectl version --client 2>/dev/null | grep -i kustomize || echo 'kustomize version unknown'))"
elif command -v kubectl >/dev/null && ! grep -q 'unknown field "envs"\|unknown field "labels"\|unknown field "options"' "$kustomize_error"; then
  cat "$kustomize_error" >&2
  echo "FAILED: kubectl kustomize deploy/kubernetes" >&2
  exit 1
else
  echo "!!!!!!!! SKIPPED: no kubectl whose kustomize can build deploy/kubernetes (needs kustomize v4+)." >&2
  [[ -s "$kustomize_error" ]] && sed 's/^/!!!!!!!!   /' "$kustomize_error" >&2
  echo "!!!!!!!! The resource files are checked as written, with a ConfigMap made from config.env." >&2
  : >"$rendered"
  for resource in $(sed -n '/^resources:/,/^[^ -]/s/^  - //p' deploy/kubernetes/kustomization.yaml); do
    { echo "---"; cat "deploy/kubernetes/$resource"; } >>"$rendered"
  done
  {
    printf -- '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: customerneeds-config\ndata:\n'
    grep -v '^#' deploy/kubernetes/config.env | grep '=' | while IFS='=' read -r name value; do
      printf '  %s: "%s"\n' "$name" "$value"
    done
  } >>"$rendered"
fi

step "2. Kubernetes API schemas of the rendered objects"
node deploy/validation/validate-kubernetes.mjs "$rendered"

step "3. Compose Specification schema of deploy/compose.yaml"
node deploy/validation/validate-compose.mjs deploy/compose.yaml

step "4. nginx -t of deploy/nginx (compose.conf + grpc-proxy.conf)"
if ! command -v nginx >/dev/null && [[ ! -x /usr/sbin/nginx ]]; then
  apt_install nginx-light || apt_install nginx
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
mkdir -p "$work/nginx/customerneeds" "$work/nginx/logs"
cp deploy/nginx/grpc-proxy.conf "$work/nginx/customerneeds/grpc-proxy.conf"
sed -e 's/server-1:5080/127.0.0.1:15081/; s/server-2:5080/127.0.0.1:15082/; s/server-3:5080/127.0.0.1:15083/' \
    -e "s#/etc/nginx/customerneeds/grpc-proxy.conf#$work/nginx/customerneeds/grpc-proxy.conf#" \
    deploy/nginx/compose.conf >"$work/nginx/default.conf"
if grep -q 'server-[0-9]' "$work/nginx/default.conf"; then
  echo "FAILED: compose.conf names servers other than server-1..3:5080; update this check" >&2
  exit 1
fi
cat >"$work/nginx/nginx.conf" <<NGINX
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
events {}
http {
    access_log off;
    client_body_temp_path $work/nginx/body;
    include $work/nginx/default.conf;
}
NGINX
"$nginx_bin" -t -q -p "$work/nginx" -c "$work/nginx/nginx.conf"
echo "nginx -t: $("$nginx_bin" -v 2>&1) accepts compose.conf + grpc-proxy.conf"

step "5. settings, labels, ports and the Dockerfile's sources"
node deploy/validation/check-settings.mjs "$root" deploy/compose.yaml "$rendered"
copies=0
while read -r sources; do
  for source in $sources; do
    copies=$((copies + 1))
    if [[ ! -e "$source" ]]; then
      echo "FAILED: deploy/Dockerfile copies $source, which does not exist" >&2
      exit 1
    fi
  done
done < <(grep -E '^COPY ' deploy/Dockerfile | grep -v -- '--from=' | sed -E 's/^COPY +//; s/ +[^ ]+$//')
# Every project the server builds from must be restored from its own copied project file.
projects=(src/CustomerNeeds.Server/CustomerNeeds.Server.csproj)
for ((i = 0; i < ${#projects[@]}; i++)); do
  dir=$(dirname "${projects[i]}")
  for reference in $(grep -o 'ProjectReference Include="[^"]*"' "${projects[i]}" | sed 's/.*Include="//; s/"$//; s#\\#/#g'); do
    project=$(realpath --relative-to="$root" "$dir/$reference")
    [[ " ${projects[*]} " == *" $project "* ]] || projects+=("$project")
  done
done
for project in "${projects[@]}"; do
  if ! grep -qE "^COPY $project " deploy/Dockerfile; then
    echo "FAILED: deploy/Dockerfile does not copy $project before the restore" >&2
    exit 1
  fi
done
echo "Dockerfile: $copies COPY sources exist; the ${#projects[@]} projects of the server are copied before the restore"

printf '\nvalidate-deploy: all checks passed\n'
