// Docker and Kubernetes image pulls, and the Docker daemon.
import type { Runbook } from "./types";

export const containerRunbooks: Runbook[] = [
  {
    id: "image-not-found",
    ecosystem: "containers",
    classes: ["not_found"],
    title: "Image not found: {image}",
    summary: "The registry {image_registry} has no manifest for {image}: the tag was never pushed, was deleted or overwritten, the repository name is wrong, or there is no variant for this platform.",
    diagnose: [
      { text: "Ask the registry for the manifest (and the platforms it covers).", command: "docker manifest inspect {image}\ndocker buildx imagetools inspect {image}" },
      { text: "Check the runner's platform against the image's platforms.", command: "docker version --format '{{.Server.Os}}/{{.Server.Arch}}'" },
    ],
    fix: [
      { text: "Fix the reference, or push the missing tag from the build that should have produced it." },
      { text: "Pin images by digest in deployments so a moved or deleted tag cannot break them.", command: "docker buildx imagetools inspect {image} --format '{{json .Manifest.Digest}}'" },
    ],
    prevent: [
      { text: "Promote images between environments by digest, make release tags immutable in the registry, and build multi-platform images when runners differ." },
    ],
  },
  {
    id: "image-access-denied",
    ecosystem: "containers",
    classes: ["http_403"],
    title: "Image pull denied: {image}",
    summary: "The registry {image_registry} denied access to {image}: not logged in, logged in as an identity without pull rights, or the repository does not exist (Docker Hub says 'pull access denied … may require docker login' for both).",
    diagnose: [
      { text: "Which registries is the runner logged in to, and through which credential store?", command: "jq '.auths | keys, .credsStore, .credHelpers' ~/.docker/config.json" },
      { text: "Try the pull after logging in with the CI identity.", command: "docker login {image_registry}\ndocker pull {image}" },
    ],
    fix: [
      { text: "Log in before pulling, with a token that can read the repository.", command: "echo \"$REGISTRY_TOKEN\" | docker login {image_registry} -u \"$REGISTRY_USER\" --password-stdin" },
      { text: "In Kubernetes, create a pull secret and reference it from the pod spec or its service account.", command: "kubectl create secret docker-registry regcred --docker-server={image_registry} --docker-username=\"$REGISTRY_USER\" --docker-password=\"$REGISTRY_TOKEN\" -n <namespace>\nkubectl patch serviceaccount default -n <namespace> -p '{\"imagePullSecrets\": [{\"name\": \"regcred\"}]}'" },
      { text: "Grant the identity pull access to the repository (organisation/team permissions, registry RBAC)." },
    ],
    prevent: [
      { text: "Manage registry credentials for CI and clusters centrally (credential helpers, workload identity) instead of long-lived passwords." },
    ],
  },
  {
    id: "registry-unauthorized",
    ecosystem: "containers",
    classes: ["http_401"],
    title: "Registry authentication failed for {image}",
    summary: "The registry {image_registry} answered 401: the stored login expired (ECR tokens last 12 hours), the password or token is wrong, or a credential helper failed.",
    diagnose: [
      { text: "Check which credentials Docker uses for this registry.", command: "jq '.auths | keys, .credsStore, .credHelpers' ~/.docker/config.json" },
      { text: "Log out and in again with the CI credentials to see the registry's answer.", command: "docker logout {image_registry}\ndocker login {image_registry}" },
    ],
    fix: [
      { text: "Refresh the login at the start of the job (ECR example; other registries: docker login with a fresh token via --password-stdin).", command: "aws ecr get-login-password --region <region> | docker login --username AWS --password-stdin {image_registry}" },
      { text: "In Kubernetes, update the pull secret with the new credentials (or use a credential provider that refreshes them)." },
    ],
    prevent: [
      { text: "Use credential helpers or workload identity so tokens are refreshed automatically, and alert on expiring secrets." },
    ],
  },
  {
    id: "registry-rate-limited",
    ecosystem: "containers",
    classes: ["rate_limited"],
    aliases: ["image-pull-failed.rate-limited"],
    title: "Registry rate limit: too many requests for {image}",
    summary: "The registry refused the pull with 429 toomanyrequests: anonymous pulls from Docker Hub share a per-IP quota, and busy CI runners behind one NAT address exhaust it.",
    diagnose: [
      { text: "Check the remaining Docker Hub quota for this runner (anonymous).", command: "TOKEN=$(curl -s 'https://auth.docker.io/token?service=registry.docker.io&scope=repository:ratelimitpreview/test:pull' | jq -r .token)\ncurl -s --head -H \"Authorization: Bearer $TOKEN\" https://registry-1.docker.io/v2/ratelimitpreview/test/manifests/latest | grep -i ratelimit" },
      { text: "Is the runner logged in, and does the daemon use a mirror?", command: "docker info --format '{{json .RegistryConfig.Mirrors}}'\njq '.auths | keys' ~/.docker/config.json" },
    ],
    fix: [
      { text: "Authenticate pulls (authenticated accounts get a higher or unlimited quota).", command: "echo \"$DOCKERHUB_TOKEN\" | docker login -u \"$DOCKERHUB_USER\" --password-stdin" },
      { text: "Pull through a caching mirror: set registry-mirrors in /etc/docker/daemon.json and restart the daemon.", command: "echo '{\"registry-mirrors\": [\"https://<mirror-host>\"]}' | sudo tee /etc/docker/daemon.json\nsudo systemctl restart docker" },
    ],
    prevent: [
      { text: "Mirror the base images you depend on into your own registry (or a pull-through cache) and reference them from there; cache layers between CI runs." },
    ],
  },
  {
    id: "image-pull-failed",
    ecosystem: "containers",
    classes: ["not_found", "http_401", "http_403"],
    title: "Kubernetes could not pull {image}",
    summary: "The kubelet failed to pull {image} (ErrImagePull, then ImagePullBackOff): the pod's events give the registry's reason — a missing tag, missing pull credentials, or a network problem between the node and the registry.",
    diagnose: [
      { text: "Read the pod's events: the 'Failed to pull image' message carries the registry's answer.", command: "kubectl describe pod {pod} -n <namespace>\nkubectl get events -n <namespace> --field-selector involvedObject.name={pod} --sort-by=.lastTimestamp" },
      { text: "Which pull secrets does the pod use, and are they for the image's registry?", command: "kubectl get pod {pod} -n <namespace> -o jsonpath='{.spec.imagePullSecrets}'" },
      { text: "Check the image exists (from a machine with the same credentials).", command: "docker manifest inspect {image}" },
    ],
    fix: [
      { text: "Missing tag: fix the image reference in the manifest (or push the tag). Prefer digests." },
      { text: "Missing credentials: create a docker-registry secret for {image_registry} and add it to imagePullSecrets of the pod or its service account.", command: "kubectl create secret docker-registry regcred --docker-server={image_registry} --docker-username=\"$REGISTRY_USER\" --docker-password=\"$REGISTRY_TOKEN\" -n <namespace>" },
      { text: "Network: test the pull from the node itself.", command: "crictl pull {image}" },
    ],
    prevent: [
      { text: "Validate image references in CI before deploying (the manifest must exist), and deploy by digest." },
    ],
  },
  {
    id: "docker-daemon",
    ecosystem: "containers",
    classes: ["connection_refused", "permission_denied"],
    title: "Cannot talk to the Docker daemon",
    summary: "The docker client could not use the daemon socket: the daemon is not running (or DOCKER_HOST points elsewhere), or the user may not open /var/run/docker.sock.",
    diagnose: [
      { text: "Is the daemon up, and which endpoint does the client use?", command: "docker context ls\necho \"$DOCKER_HOST\"\nsystemctl status docker --no-pager" },
      { text: "Who may use the socket?", command: "ls -l /var/run/docker.sock\nid" },
    ],
    fix: [
      { text: "Start the daemon (or the docker:dind service in CI and set DOCKER_HOST to it).", command: "sudo systemctl start docker" },
      { text: "Give the CI user access to the socket. Membership of the docker group is root-equivalent; prefer rootless Docker where possible.", command: "sudo usermod -aG docker \"$USER\"" },
    ],
    prevent: [
      { text: "Check for the daemon in the job's first step (`docker info`) so failures are reported clearly and early." },
    ],
  },
  {
    id: "docker-build-context",
    ecosystem: "containers",
    classes: ["enoent"],
    title: "File missing from the Docker build context: {path}",
    summary: "A COPY or ADD in the Dockerfile names {path}, which is not in the build context sent to the builder: a wrong path relative to the context directory, a .dockerignore rule excluding it, or a file the previous CI step did not produce.",
    diagnose: [
      { text: "Check that the file exists relative to the build context directory (the last argument of docker build).", command: "ls -la -- {path}" },
      { text: "See whether .dockerignore excludes it.", command: "grep -n . .dockerignore" },
      { text: "List what the builder actually receives as context.", command: "docker build --no-cache --progress=plain -f - . <<'EOF'\nFROM busybox\nCOPY . /ctx\nRUN find /ctx -maxdepth 3 | sort\nEOF" },
    ],
    fix: [
      { text: "Fix the COPY source path (it is relative to the context, not to the Dockerfile), or build from the right context directory with -f pointing at the Dockerfile." },
      { text: "If .dockerignore excludes it, add a `!` exception for the file, or produce the file in an earlier CI step before the build." },
    ],
    prevent: [
      { text: "Keep build artefacts the image needs in one output directory that CI creates before docker build, and lint Dockerfiles (hadolint) in CI." },
    ],
  },
];
