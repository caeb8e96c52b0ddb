// Save and load a trained model as JSON: config, vocabulary, step and every parameter.
//
//   {"format": "attention-explained-model", "version": 1, "step": 300,
//    "config": {"d": 16, ...}, "vocabulary": ["<bos>", ...],
//    "parameters": {"layer0.wq": {"rows": 16, "cols": 16, "data": [... row-major ...]}, ...}}
//
// Doubles are written with round-trip precision, so a reload reproduces the logits exactly.
#pragma once

#include "model/trainer.hpp"

#include <memory>
#include <string>

namespace ae {

std::string save_json(const Trainer& trainer);
// Throws std::invalid_argument naming what is wrong; builds a new trainer, so a failed load
// changes nothing that exists.
std::unique_ptr<Trainer> load_json(const std::string& text);

ModelConfig config_from_json(const std::string& text);   // {"d": 32, "mlp": true, ...}; absent = default
std::string config_to_json(const ModelConfig& config);

}  // namespace ae
