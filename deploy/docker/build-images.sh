#!/usr/bin/env bash
# Builds Haven's four images where a Docker engine exists (docker or podman; none is needed to compile or
# test Haven). Builds the boot jars first unless --no-build.
#
#   deploy/docker/build-images.sh [--no-build] [--tag <tag>] [--registry <prefix>] [--push]
#
# Images: <registry>/haven-<module>:<tag>; the tag defaults to the git commit (never "latest").
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MODULES=(case-service eligibility-service notification-service gateway)
TAG="$(git -C "$ROOT" rev-parse --short=12 HEAD)"
REGISTRY="ghcr.io/haven"
BUILD=1
PUSH=0

while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --tag) TAG="$2"; shift ;;
    --registry) REGISTRY="$2"; shift ;;
    --push) PUSH=1 ;;
    *) echo "build-images: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[[ "$TAG" != "latest" ]] || { echo "build-images: refusing the tag 'latest'; pin a version" >&2; exit 2; }

ENGINE="${CONTAINER_ENGINE:-}"
if [[ -z "$ENGINE" ]]; then
  if command -v docker >/dev/null 2>&1; then ENGINE=docker
  elif command -v podman >/dev/null 2>&1; then ENGINE=podman
  else echo "build-images: no docker or podman here; nothing to build images with" >&2; exit 1
  fi
fi

if [[ "$BUILD" == 1 ]]; then
  (cd "$ROOT" && ./mvnw -q -DskipTests -pl "$(IFS=,; echo "${MODULES[*]}")" -am package)
fi

for module in "${MODULES[@]}"; do
  image="$REGISTRY/haven-$module:$TAG"
  echo "build-images: $image"
  "$ENGINE" build -f "$ROOT/deploy/docker/$module/Dockerfile" -t "$image" "$ROOT"
  if [[ "$PUSH" == 1 ]]; then "$ENGINE" push "$image"; fi
done
