"""REFERAT_DEVICE: the embedder runs on a CUDA GPU when there is one (auto), on the CPU when asked, and says so
plainly when a GPU is demanded that torch cannot see. CI has no GPU: the choice is tested, not the GPU."""

import pytest

from retrieval.embedder import ModelUnavailable, choose_device
from retrieval.settings import Settings


def test_auto_takes_the_gpu_when_torch_sees_one_and_the_cpu_otherwise():
    assert choose_device("auto", cuda_available=lambda: True) == "cuda"
    assert choose_device("auto", cuda_available=lambda: False) == "cpu"


def test_auto_picks_the_cpu_on_this_machine(embedder):
    import torch

    expected = "cuda" if torch.cuda.is_available() else "cpu"
    assert choose_device("auto") == expected
    assert embedder.device == expected


def test_cpu_is_kept_even_with_a_gpu():
    assert choose_device("cpu", cuda_available=lambda: True) == "cpu"


def test_cuda_without_a_gpu_is_a_clear_error():
    with pytest.raises(ModelUnavailable, match=r"REFERAT_DEVICE=cuda.*ingen CUDA-GPU"):
        choose_device("cuda", cuda_available=lambda: False)


def test_the_setting_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("REFERAT_DEVICE", "cpu")
    assert Settings().device == "cpu"
    monkeypatch.setenv("REFERAT_DEVICE", "gpu")
    with pytest.raises(ValueError, match="auto"):
        Settings()
