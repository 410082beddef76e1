# One image per service, from this one file:
#   docker build --build-arg MODULE=api-service       --build-arg PORT=8000 --build-arg MANAGEMENT_PORT=8081 -t video/api-service .
#   docker build --build-arg MODULE=stream-service    --build-arg PORT=9000 --build-arg MANAGEMENT_PORT=9081 -t video/stream-service .
#   docker build --build-arg MODULE=scheduler-service --build-arg PORT=9001 --build-arg MANAGEMENT_PORT=9082 -t video/scheduler-service .
# The jar is compiled inside the build (JAR_FROM=source, the default), or taken from
# <module>/target after ./mvnw package (JAR_FROM=context, with BUILD_IMAGE=the JRE image:
# fast, what CI does).
# Base images are build arguments, for machines that cannot pull from a registry
# (deploy/base-images.sh builds local ones).
ARG BUILD_IMAGE=eclipse-temurin:17-jdk
ARG JRE_IMAGE=eclipse-temurin:17-jre
ARG JAR_FROM=source

# --- the jar and its Spring Boot layers (dependencies change rarely, the application
#     often). JAR_FROM=source compiles it here; JAR_FROM=context takes the one that
#     ./mvnw package left in <module>/target, and then BUILD_IMAGE may be the JRE image.
FROM ${BUILD_IMAGE} AS jar
ARG MODULE
ARG JAR_FROM
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    if [ "$JAR_FROM" = source ]; then ./mvnw -B -q package -DskipTests -pl "$MODULE" -am; fi \
    && mkdir -p /jar \
    && cp "$MODULE/target/$MODULE-1.0.0-SNAPSHOT.jar" /jar/application.jar \
    && java -Djarmode=tools -jar /jar/application.jar extract --layers --destination /extracted

# --- the runtime: a JRE, a non-root user, the service port, the management port (health
#     probes and metrics, not to be published) and a health check on it
FROM ${JRE_IMAGE}
ARG MODULE
ARG PORT=8000
ARG MANAGEMENT_PORT=8081
LABEL org.opencontainers.image.title="${MODULE}" \
      org.opencontainers.image.source="video-server" \
      org.opencontainers.image.description="video site: ${MODULE}"
RUN groupadd --gid 10001 site \
    && useradd --uid 10001 --gid site --home-dir /app --no-create-home --shell /usr/sbin/nologin site \
    && mkdir -p /app /data/videos \
    && chown site:site /data/videos
WORKDIR /app
COPY --from=jar /extracted/dependencies/ ./
COPY --from=jar /extracted/spring-boot-loader/ ./
COPY --from=jar /extracted/snapshot-dependencies/ ./
COPY --from=jar /extracted/application/ ./
COPY deploy/images/healthcheck.sh /app/healthcheck.sh
# Every variable of API.md is read by the service itself; these are only the defaults. The
# JVM's: heap half the container's memory, direct buffers capped (README, "Memory and
# threads").
ENV SERVER_PORT=${PORT} \
    MANAGEMENT_SERVER_PORT=${MANAGEMENT_PORT} \
    VIDEO_DIR=/data/videos \
    JAVA_OPTS="-XX:MaxRAMPercentage=50 -XX:MaxDirectMemorySize=128m -XX:+ExitOnOutOfMemoryError"
# An AppCDS archive of the classes a start loads (Spring Boot's "CDS" docs): one training
# run with the runtime's JVM options that refreshes the context and exits, here without a
# database (Flyway off, the pool connects lazily) and with its own video directory, so it
# needs no network and leaves nothing behind. The service then starts from classes parsed
# and linked once; a JVM that cannot map the archive starts without it, and an image whose
# training failed has none. The training leaves Spring's AOT mode off, because that mode
# fixes Flyway's switch at build time; the archive still holds every class but the few
# generated ones, which the service then loads from its jar.
RUN SPRING_DATASOURCE_URL=jdbc:mysql://127.0.0.1:1/training VIDEO_DIR=/tmp/cds-training \
    java $JAVA_OPTS -XX:ArchiveClassesAtExit=/app/application.jsa -Dspring.context.exit=onRefresh \
      -Dspring.flyway.enabled=false -jar /app/application.jar >/tmp/cds-training.log 2>&1 \
    || echo "no class archive: the service starts from its classes alone"; \
    rm -rf /tmp/cds-training.log /tmp/cds-training
USER 10001:10001
EXPOSE ${PORT} ${MANAGEMENT_PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=3 CMD ["/app/healthcheck.sh"]
# Spring's AOT mode runs the bean definitions that the build generated (process-aot), before
# JAVA_OPTS so that -Dspring.aot.enabled=false there wins.
ENTRYPOINT ["sh", "-c", "[ -f /app/application.jsa ] && CDS='-XX:SharedArchiveFile=/app/application.jsa -Xlog:cds=off -Xlog:cds+dynamic=off'; exec java -Dspring.aot.enabled=true $JAVA_OPTS $CDS -jar /app/application.jar \"$@\"", "--"]
