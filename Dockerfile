# One image per service, from this one file:
#   docker build --build-arg MODULE=api-service       --build-arg PORT=8000 -t video/api-service .
#   docker build --build-arg MODULE=stream-service    --build-arg PORT=9000 -t video/stream-service .
#   docker build --build-arg MODULE=scheduler-service --build-arg PORT=9001 -t video/scheduler-service .
# The jar is compiled inside the build (JAR_FROM=source, the default), or taken from
# <module>/target after ./mvnw package (JAR_FROM=context: fast, what CI does).
# Base images are build arguments, for machines that cannot pull from a registry
# (deploy/base-images.sh builds local ones).
ARG BUILD_IMAGE=eclipse-temurin:17-jdk
ARG JRE_IMAGE=eclipse-temurin:17-jre
ARG JAR_FROM=source

# --- the jar, compiled from the sources: all three services at once, so that the three
#     image builds share this stage's cache
FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q package -DskipTests -pl api-service,stream-service,scheduler-service -am

FROM ${BUILD_IMAGE} AS jar-source
ARG MODULE
COPY --from=build /src/${MODULE}/target/${MODULE}-1.0.0-SNAPSHOT.jar /jar/application.jar

# --- or the jar already built on the host
FROM ${JRE_IMAGE} AS jar-context
ARG MODULE
COPY ${MODULE}/target/${MODULE}-1.0.0-SNAPSHOT.jar /jar/application.jar

# --- Spring Boot's layers: dependencies change rarely, the application often
FROM jar-${JAR_FROM} AS jar
FROM ${JRE_IMAGE} AS layers
COPY --from=jar /jar/application.jar /jar/application.jar
RUN java -Djarmode=tools -jar /jar/application.jar extract --layers --destination /extracted

# --- the runtime: a JRE, a non-root user, one port, a health check
FROM ${JRE_IMAGE}
ARG MODULE
ARG PORT=8000
LABEL org.opencontainers.image.title="${MODULE}" \
      org.opencontainers.image.source="video-server" \
      org.opencontainers.image.description="video site: ${MODULE}"
RUN groupadd --gid 10001 site \
    && useradd --uid 10001 --gid site --home-dir /app --no-create-home --shell /usr/sbin/nologin site \
    && mkdir -p /app /data/videos \
    && chown site:site /data/videos
WORKDIR /app
COPY --from=layers /extracted/dependencies/ ./
COPY --from=layers /extracted/spring-boot-loader/ ./
COPY --from=layers /extracted/snapshot-dependencies/ ./
COPY --from=layers /extracted/application/ ./
COPY deploy/images/healthcheck.sh /app/healthcheck.sh
# Every variable of API.md is read by the service itself; these are only the defaults.
ENV SERVER_PORT=${PORT} \
    VIDEO_DIR=/data/videos \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
USER 10001:10001
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=3 CMD ["/app/healthcheck.sh"]
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/application.jar \"$@\"", "--"]
