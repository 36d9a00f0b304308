#!/bin/sh
# Builds the anchor the path-file headline is timed against: ChannelAttribution 2.1.7's Python module, from its public
# source, with Debian's Python, Cython, NumPy and pandas (no PyPI). Prints the folder to put on PYTHONPATH, so:
#
#   CA_PYTHON=/usr/bin/python3 CA_PYTHONPATH=$(benchmarks/build-channelattribution.sh) benchmarks/paths-bench.sh
#
# Source: CA_SRC, a checkout of https://github.com/DavideAltomare/ChannelAttribution (its python/ folder is version
# 2.1.7); when unset, the script clones it into target/channelattribution-src. The build goes to CA_OUT (default
# target/channelattribution; nothing is installed system-wide except Debian packages, as root, when missing).
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
out=${CA_OUT:-$root/target/channelattribution}
src=${CA_SRC:-$root/target/channelattribution-src}
if [ -f "$out/.built" ] && /usr/bin/python3 -c "import sys; sys.path.insert(0, '$out'); import ChannelAttribution" > /dev/null 2>&1; then
  # Built before (the source is needed only to build): a machine without network reuses it.
  echo "$out"
  exit 0
fi
if [ ! -d "$src/python/src/cypack" ]; then
  git clone -q --depth 1 https://github.com/DavideAltomare/ChannelAttribution "$src" >&2
fi
version=$(sed -n 's/^Version: *//p' "$src/python/PKG-INFO")
if [ "$version" != "2.1.7" ]; then
  echo "note: $src has ChannelAttribution $version, not 2.1.7" >&2
fi
need=""
for pkg in cython3 python3-dev python3-numpy python3-pandas python3-setuptools g++; do
  dpkg -s "$pkg" > /dev/null 2>&1 || need="$need $pkg"
done
if [ -n "$need" ]; then
  apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $need >&2
fi
if [ ! -f "$out/.built" ]; then
  rm -rf "$out"
  mkdir -p "$out"
  cp -r "$src/python/setup.py" "$src/python/src" "$out/"
  # The module's own setup.py, built in place by Debian's interpreter (the one CA_PYTHON should name).
  (cd "$out" && /usr/bin/python3 setup.py -q build_ext --inplace > build.log 2>&1) || {
    cat "$out/build.log" >&2
    exit 1
  }
  touch "$out/.built"
fi
/usr/bin/python3 -c "import sys; sys.path.insert(0, '$out'); import ChannelAttribution" >&2
echo "$out"
