# syntax=docker/dockerfile:1

# Build: a static binary (modernc.org/sqlite is pure Go, so no cgo).
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/bot ./cmd/bot \
 && mkdir -p /out/data /out/articles

# Run: no shell, no package manager, non-root.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/bot /usr/local/bin/bot
# Owned by the nonroot user so a fresh volume at /data is writable.
COPY --from=build --chown=65532:65532 /out/data /data
COPY --from=build /out/articles /articles
# Mount the article folders at /articles and keep the database in /data:
#   docker run --rm -v "$PWD/examples/articles:/articles:ro" -v briefbot-data:/data \
#     briefbot timeline --articles /articles
VOLUME ["/articles", "/data"]
ENV BRIEFBOT_DB=/data/briefbot.db
WORKDIR /data
ENTRYPOINT ["bot"]
CMD ["help"]
