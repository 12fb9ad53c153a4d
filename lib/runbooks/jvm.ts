// JVM builds: Maven and Gradle dependency resolution, javac/kotlinc errors, class-file versions.
import type { Runbook } from "./types";

export const jvmRunbooks: Runbook[] = [
  {
    id: "maven-dependency-resolution",
    ecosystem: "jvm",
    classes: ["not_found", "http_401", "http_403", "connection_refused", "timeout", "dns_failure", "tls_error"],
    title: "Maven could not resolve {package}",
    summary: "Maven could not download {package} from the configured repositories: the artifact or version is not there, the repository needs credentials, the network or proxy failed — or an earlier failure was cached and Maven will not retry until the update interval passes.",
    diagnose: [
      { text: "Run again forcing updates (a cached failure says 'was cached in the local repository, resolution will not be reattempted') and with debug output.", command: "mvn -U -X dependency:resolve 2>&1 | grep -iE 'downloading|could not|status code|mirror'" },
      { text: "Show the effective settings: mirrors (a mirrorOf=* sends everything to one repository), servers (credentials by id) and proxies.", command: "mvn help:effective-settings" },
      { text: "Fetch just this artifact.", command: "mvn dependency:get -Dartifact={package}" },
      { text: "Ask the repository directly.", command: "curl -sv {url}" },
    ],
    fix: [
      { text: "Missing artifact: fix the coordinates or version, or publish it to the repository the build uses." },
      { text: "401/403: add a <server> entry in ~/.m2/settings.xml whose <id> matches the repository or mirror id, with credentials from the CI secret store (e.g. ${env.MAVEN_TOKEN})." },
      { text: "Network: configure the proxy in settings.xml (<proxies>) and trust the corporate CA in the JDK's truststore rather than disabling TLS checks." },
      { text: "Then clear the cached failure.", command: "mvn -U clean verify" },
    ],
    prevent: [
      { text: "Resolve everything through one repository manager (Nexus/Artifactory) mirror, and cache ~/.m2/repository between CI runs keyed on the POM files." },
    ],
  },
  {
    id: "gradle-dependency-resolution",
    ecosystem: "jvm",
    classes: ["not_found"],
    title: "Gradle could not find {package}",
    summary: "Gradle found {package} in none of the declared repositories: wrong coordinates or version, a repository missing from settings.gradle(.kts), missing credentials, or a cached miss.",
    diagnose: [
      { text: "See which configuration wants it and which repositories were searched ('Searched in the following locations').", command: "./gradlew dependencyInsight --dependency {package_name} --configuration runtimeClasspath --info" },
      { text: "List the repositories of the build (settings and build scripts).", command: "grep -rnE 'repositories|maven \\{|url' settings.gradle* build.gradle*" },
    ],
    fix: [
      { text: "Add the repository that hosts it (with credentials from gradle.properties / environment), or fix the coordinates." },
      { text: "Refresh cached misses.", command: "./gradlew build --refresh-dependencies" },
    ],
    prevent: [
      { text: "Declare repositories once in settings.gradle (dependencyResolutionManagement) and lock versions with dependency locking or a version catalog." },
    ],
  },
  {
    id: "jvm-compile-error",
    ecosystem: "jvm",
    classes: ["compile_error"],
    title: "JVM compile error in {file}",
    summary: "The Java/Kotlin compiler rejected {file}:{lineno}: a code error, or a dependency or JDK change the code does not match.",
    diagnose: [
      { text: "Reproduce with the same JDK and build tool version.", command: "java -version\nmvn -v || ./gradlew -version" },
      { text: "Compile alone to see all errors.", command: "mvn -q -e compile || ./gradlew compileJava compileKotlin --stacktrace" },
      { text: "Check whether dependency versions changed with the failing commit.", command: "git diff HEAD~1 -- pom.xml build.gradle* gradle/libs.versions.toml" },
    ],
    fix: [
      { text: "Fix the code at the reported line, or pin the dependency back to the version whose API the code uses." },
    ],
    prevent: [
      { text: "Pin the JDK with toolchains (Maven toolchains / Gradle java.toolchain) so CI and developers compile with the same version." },
    ],
  },
  {
    id: "jvm-version",
    ecosystem: "jvm",
    classes: ["version_conflict"],
    title: "Class compiled for a newer Java (class file version {class_version})",
    summary: "A class was compiled for a newer Java than the runtime (class file 52 = Java 8, 55 = 11, 61 = 17, 65 = 21): the JDK running the build or the app is older than the one that compiled it or a dependency.",
    diagnose: [
      { text: "Which Java runs, and which one does the build tool use?", command: "java -version\necho \"$JAVA_HOME\"\nmvn -v || ./gradlew -version" },
      { text: "Check the class file version of the offending jar's classes (major version on the last line).", command: "javap -v -cp <jar> <class> | grep major" },
    ],
    fix: [
      { text: "Run with a JDK at least as new as the class file requires (setup-java java-version, JAVA_HOME, Gradle/Maven toolchains)." },
      { text: "Or compile your own code for the older target with --release, and keep dependencies at versions that support it.", command: "javac --release 17 ..." },
    ],
    prevent: [
      { text: "Declare the Java version once (toolchain) and use it for compile, test and runtime images." },
    ],
  },
];
