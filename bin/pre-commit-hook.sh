#!/usr/bin/env bash
# deliver pre-commit hook: validates every deliver project touched by the staged changes, as they
# will be committed (the staged versions, exported to a temp folder, not the working tree), and
# blocks the commit when a project has errors. Warnings are shown but do not block.
#
# Install (one repository), after `npm install --save-dev deliver-tracker` (the npm package; its
# command is `deliver`; before it is on the registry: `npm install --save-dev github:<owner>/<repo>`
# or a tarball made by `npm pack`):
#   cp node_modules/deliver-tracker/bin/pre-commit-hook.sh .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit
# or call it from an existing hook, husky or the pre-commit framework (a `repo: local` hook with
# `entry: node_modules/deliver-tracker/bin/pre-commit-hook.sh`, `language: system`, `pass_filenames: false`).
#
# Environment:
#   DELIVER              command to run deliver (default: `deliver` on PATH, else `npx --no-install deliver`)
#   DELIVER_HOOK_STRICT  1 = warnings block the commit too (validate --strict)
# Skip the check once with `git commit --no-verify`.
set -euo pipefail

if [ -n "${DELIVER:-}" ]; then
  read -r -a deliver <<<"$DELIVER"
elif command -v deliver >/dev/null 2>&1; then
  deliver=(deliver)
else
  deliver=(npx --no-install deliver)
fi
strict=()
[ "${DELIVER_HOOK_STRICT:-}" = "1" ] && strict=(--strict)

top=$(git rev-parse --show-toplevel)
cd "$top"

# Project folders in the index: every staged deliver.yaml ('.' for one at the top).
projects=()
while IFS= read -r -d '' f; do
  case "$f" in
    deliver.yaml) projects+=(".") ;;
    */deliver.yaml) projects+=("${f%/deliver.yaml}") ;;
  esac
done < <(git ls-files -z --cached -- 'deliver.yaml' '*/deliver.yaml')
[ "${#projects[@]}" -eq 0 ] && exit 0

# Staged paths (deleted ones too: removing a record can break references to it).
staged=()
while IFS= read -r -d '' f; do staged+=("$f"); done < <(git diff --cached --name-only -z --no-renames)
[ "${#staged[@]}" -eq 0 ] && exit 0

touched=()
for p in "${projects[@]}"; do
  for f in "${staged[@]}"; do
    if [ "$p" = "." ] || [ "${f#"$p"/}" != "$f" ]; then
      touched+=("$p")
      break
    fi
  done
done
[ "${#touched[@]}" -eq 0 ] && exit 0

if ! "${deliver[@]}" --version >/dev/null 2>&1; then
  echo "deliver pre-commit: cannot run '${deliver[*]}'; install it (npm install --save-dev deliver-tracker) or set DELIVER" >&2
  exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/deliver-hook.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

failed=0
for p in "${touched[@]}"; do
  if [ "$p" = "." ]; then pre=""; else pre="$p/"; fi
  # Only the record files: the staged blobs, written to the temp folder without touching the work tree.
  git --literal-pathspecs ls-files -z --cached -- "${pre}deliver.yaml" "${pre}plan.yaml" "${pre}requirements" \
    "${pre}risks" "${pre}changes" "${pre}acceptance" "${pre}surveys" |
    git checkout-index -z --stdin --prefix="$tmp/"
  echo "deliver pre-commit: checking ${p} (staged version)" >&2
  if ! "${deliver[@]}" validate -C "$tmp/$p" "${strict[@]+"${strict[@]}"}"; then
    failed=1
  fi
done

if [ "$failed" -ne 0 ]; then
  echo "deliver pre-commit: commit blocked: fix the findings above (file paths are relative to the project folder)," >&2
  echo "  stage the fixes and commit again; \`git commit --no-verify\` skips this check once." >&2
  exit 1
fi
