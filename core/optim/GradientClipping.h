#pragma once
// Gradient clipping with Keras' names and meaning, applied by every Optimizer before its rule:
//   clipNorm  > 0: each parameter block's gradient g becomes g * clipNorm / max(||g||_2, clipNorm),
//                  so its L2 norm is at most clipNorm (tf.clip_by_norm, per tensor, not global);
//   clipValue > 0: each element becomes clamp(g_i, -clipValue, clipValue).
// 0 means off (Keras' None). When both are set the norm is clipped first, then the values (Keras 3
// refuses both at once; ModelSpec does too, the optimizer itself does not need to).
// The layer's own gradient is left as it was computed: the optimizer clips a copy.

namespace loupe {

struct GradientClipping {
    float clipNorm = 0.0f;  // 0 or positive and finite
    float clipValue = 0.0f; // 0 or positive and finite
    bool isActive() const { return clipNorm > 0.0f || clipValue > 0.0f; }
    bool operator==(const GradientClipping &) const = default;
};

} // namespace loupe
