#!/usr/bin/env bash
# Install the Debian packages the book needs, but only those that are missing.
#
# Usage: scripts/setup_system.sh book|test
#   book: Python 3.11 with venv, WeasyPrint's Pango/HarfBuzz libraries and the Noto
#         fonts that carry Hangul and Cyrillic into the PDF.
#   test: all of the above, plus Chromium (browser tests), poppler-utils (PDF checks), and
#         npm and a Java runtime for the accessibility checkers (axe-core, the Nu Html
#         Checker: tests/tools/, installed by `make test` with npm ci).
# Quiet and quick when everything is present: apt is not touched at all then.
set -euo pipefail

book_packages=(
  python3.11 python3.11-venv git
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
  fonts-noto-core fonts-noto-cjk
)
test_packages=(chromium poppler-utils npm default-jre-headless)
# A package whose command is already there counts as present: Node.js from another
# Debian repository carries npm and conflicts with Debian's npm, and any Java 17+ runs
# the Nu Html Checker.
declare -A command_of=([npm]=npm [default-jre-headless]=java)

case "${1:-book}" in
  book) wanted=("${book_packages[@]}") ;;
  test) wanted=("${book_packages[@]}" "${test_packages[@]}") ;;
  *) echo "usage: $0 book|test" >&2; exit 2 ;;
esac

# Ask dpkg, not apt: it answers in milliseconds and needs no network.
missing=()
for package in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] && continue
  [[ -n "${command_of[$package]:-}" ]] && command -v "${command_of[$package]}" >/dev/null && continue
  missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -ne 0 ]]; then
  echo "setup_system.sh: missing Debian packages: ${missing[*]}" >&2
  echo "  run as root, or install them: apt-get install ${missing[*]}" >&2
  exit 1
fi

echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
