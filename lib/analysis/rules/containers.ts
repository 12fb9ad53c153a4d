// Docker/OCI registries and Kubernetes image pulls.
import { classifyText } from "./classify";
import type { Rule } from "./rule";

const IMAGE = /(?:manifest for |pull access denied for |[Ff]ailed to pull image "|failed to pull and unpack image "|failed to resolve reference "|Back-off pulling image "|[Ii]mage:? "?)(?<image>[^\s",]+[^\s",.:])/;

export const containerRules: Rule[] = [
  {
    id: "docker.manifest-unknown",
    ecosystem: "docker",
    class: "not_found",
    runbookId: "image-not-found",
    literals: ["manifest unknown", "manifest for "],
    pattern: /manifest for (?<image>\S+) not found|(?<detail>manifest unknown)/,
    extract: [IMAGE],
  },
  {
    id: "docker.access-denied",
    ecosystem: "docker",
    class: "http_403",
    runbookId: "image-access-denied",
    literals: ["pull access denied", "requested access to the resource is denied", "denied: "],
    pattern: /pull access denied for (?<image>[^\s,]+)|(?<detail>requested access to the resource is denied)|^denied: (?<detail2>[^\n]*\S)/,
    extract: [IMAGE],
    post: (f) => {
      f.detail ??= f.detail2;
      delete f.detail2;
    },
  },
  {
    id: "docker.unauthorized",
    ecosystem: "docker",
    class: "http_401",
    runbookId: "registry-unauthorized",
    literals: ["unauthorized: ", "(Unauthorized)", "no basic auth credentials"],
    pattern: /\bunauthorized: (?<detail>[^\n]{0,200}[^\s.])|(?<detail2>You must be logged in to the server \(Unauthorized\))|(?<detail3>no basic auth credentials)/,
    extract: [IMAGE],
    post: (f) => {
      f.detail ??= f.detail2 ?? f.detail3;
      delete f.detail2;
      delete f.detail3;
    },
  },
  {
    id: "docker.rate-limited",
    ecosystem: "docker",
    class: "rate_limited",
    runbookId: "registry-rate-limited",
    literals: ["toomanyrequests"],
    pattern: /toomanyrequests:? ?(?<detail>[^\n]*[^\s.])?/,
    extract: [IMAGE],
  },
  {
    id: "k8s.failed-to-pull",
    ecosystem: "docker",
    class: (_f, text) => classifyText(text.replace(/^[^"]*"[^"]*"/, "")),
    runbookId: "image-pull-failed",
    literals: ["ailed to pull image", "failed to pull and unpack image", "failed to resolve reference"],
    pattern: /(?:[Ff]ailed to pull image|failed to pull and unpack image|failed to resolve reference) "(?<image>[^"]+)"/,
  },
  {
    // A pod status (kubectl get pods, events) that only says the pull keeps failing; the reason, when
    // present, is the preceding pull error.
    id: "k8s.image-pull-backoff",
    ecosystem: "docker",
    class: "not_found",
    runbookId: "image-pull-failed",
    literals: ["ImagePullBackOff", "ErrImagePull", "Back-off pulling image"],
    pattern: /(?<reason>ImagePullBackOff|ErrImagePull|Back-off pulling image)/,
    extract: [IMAGE, /^(?<pod>[a-z0-9][a-z0-9.-]*)\s+\d+\/\d+\s/],
    role: "summary",
    foldAny: true,
    foldWindow: 200,
    foldInto: ["k8s.", "docker."],
  },
  {
    id: "docker.daemon-unreachable",
    ecosystem: "docker",
    class: "connection_refused",
    runbookId: "docker-daemon",
    literals: ["Cannot connect to the Docker daemon"],
    pattern: /Cannot connect to the Docker daemon at (?<host>\S+?)\.? Is the docker daemon running/,
  },
  {
    id: "docker.daemon-permission",
    ecosystem: "docker",
    class: "permission_denied",
    runbookId: "docker-daemon",
    literals: ["permission denied while trying to connect to the Docker daemon"],
    pattern: /permission denied while trying to connect to the Docker daemon socket at (?<path>\S+?):?\s/,
  },
  {
    // A COPY/ADD source missing from the build context (classic builder and BuildKit).
    id: "docker.build-context-missing",
    ecosystem: "docker",
    class: "enoent",
    runbookId: "docker-build-context",
    literals: ["failed to compute cache key", "file not found in build context"],
    pattern: /failed to compute cache key: [^"\n]{0,300}"(?<path>[^"]+)": not found|file not found in build context[^:\n]*: stat (?<path2>[^:\s]+): file does not exist/,
    post: (f) => {
      f.path ??= f.path2;
      delete f.path2;
    },
  },
  {
    id: "k8s.server-error",
    ecosystem: "docker",
    class: (f) => (({ NotFound: "not_found", Forbidden: "http_403", Unauthorized: "http_401", TooManyRequests: "rate_limited" }) as const)[String(f.reason) as "NotFound"] ?? null,
    literals: ["Error from server ("],
    pattern: /Error from server \((?<reason>NotFound|Forbidden|Unauthorized|TooManyRequests)\): (?<detail>[^\n]*[^\s])/,
  },
  {
    id: "k8s.api-refused",
    ecosystem: "docker",
    class: "connection_refused",
    runbookId: "connection-refused",
    literals: ["was refused - did you specify the right host or port"],
    pattern: /The connection to the server (?<host>\S+) was refused/,
  },
  {
    id: "docker.daemon-error",
    ecosystem: "docker",
    class: (f) => classifyText(String(f.detail)),
    literals: ["Error response from daemon: ", "failed to solve: ", "failed to resolve source metadata"],
    pattern: /(?:Error response from daemon|failed to solve|failed to resolve source metadata for \S+?): (?<detail>[^\n]+)/,
    extract: [IMAGE],
  },
];
