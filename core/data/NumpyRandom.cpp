#include "data/NumpyRandom.h"

#include <numeric>
#include <stdexcept>
#include <utility>

namespace oficina::core {

NumpyRandomState::NumpyRandomState(uint32_t seed) : m_engine(seed) {}

uint64_t NumpyRandomState::randomInterval(uint64_t max) {
    if (max == 0) return 0;
    uint64_t mask = max;
    mask |= mask >> 1;
    mask |= mask >> 2;
    mask |= mask >> 4;
    mask |= mask >> 8;
    mask |= mask >> 16;
    mask |= mask >> 32;
    // Rejection sampling from the smallest all-ones mask; numpy takes 64-bit draws (high word
    // first) only when max needs them.
    uint64_t value = 0;
    if (max <= 0xffffffffULL) {
        while ((value = (uint64_t(m_engine()) & mask)) > max) {
        }
    } else {
        do {
            const uint64_t high = m_engine();
            value = ((high << 32) | m_engine()) & mask;
        } while (value > max);
    }
    return value;
}

double NumpyRandomState::randomSample() {
    const uint32_t a = m_engine() >> 5, b = m_engine() >> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
}

std::vector<size_t> NumpyRandomState::permutation(size_t n) {
    std::vector<size_t> values(n);
    std::iota(values.begin(), values.end(), size_t(0));
    shuffle(values);
    return values;
}

void NumpyRandomState::shuffle(std::vector<size_t>& values) {
    // Fisher-Yates from the end, exactly as numpy's _shuffle_raw.
    for (size_t i = values.size(); i-- > 1;) {
        const auto j = size_t(randomInterval(i));
        std::swap(values[i], values[j]);
    }
}

std::vector<size_t> NumpyRandomState::choiceWithoutReplacement(size_t populationSize,
                                                               size_t count) {
    if (count > populationSize)
        throw std::invalid_argument("choiceWithoutReplacement: count exceeds population");
    // numpy's legacy choice(replace=False, p=None) is permutation(pop_size)[:size].
    std::vector<size_t> drawn = permutation(populationSize);
    drawn.resize(count);
    return drawn;
}

} // namespace oficina::core
