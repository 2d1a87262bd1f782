# syntax=docker/dockerfile:1

# Build: a static binary (modernc.org/sqlite is pure Go, so no cgo). The
# same go build line runs in .ci/run, which has no Docker engine.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/bot ./cmd/bot \
 && mkdir -p /out/data /out/articles

# Run: no shell, no package manager, the nonroot user (65532).
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/bot /usr/local/bin/bot
# Owned by the nonroot user so a fresh volume at /data is writable.
COPY --from=build --chown=65532:65532 /out/data /data
COPY --from=build /out/articles /articles
USER nonroot:nonroot
# The database lives in /data; mount the article folders at /articles
# (read-only is enough):
#   docker run -d -e DISCORD_TOKEN -v "$PWD/articles:/articles:ro" \
#     -v briefbot-data:/data -p 8080:8080 briefbot
VOLUME ["/articles", "/data"]
# bot serve runs the collector at GOGC=50, so the heap grows by half its
# live size between collections (some 65 MB live for 10,000 articles, see
# docs/performance.md). GOMEMLIMIT is a soft cap above that for bursts:
# the collector works harder near it. Raise it for larger stores.
ENV BRIEFBOT_DB=/data/briefbot.db \
    BRIEFBOT_ARTICLES=/articles \
    BRIEFBOT_HTTP_ADDR=:8080 \
    BRIEFBOT_LOG_FORMAT=json \
    GOMEMLIMIT=160MiB
# /healthz and /metrics, and POST /interactions when DISCORD_PUBLIC_KEY is set.
EXPOSE 8080
WORKDIR /data
# The image has no curl: the binary probes its own /healthz.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
  CMD ["bot", "healthcheck", "--url", "http://127.0.0.1:8080/healthz"]
ENTRYPOINT ["bot"]
CMD ["serve"]
