#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace oficina::core {

/// numpy.random.RandomState(seed), the legacy stream scikit-learn's splitters draw from: the same
/// seed gives the same permutations as numpy, so our splits equal scikit-learn's.
/// Only the parts the splitters use. Not thread-safe; one instance per run.
/// Example: NumpyRandomState(0).permutation(10) == {2, 8, 4, 9, 1, 6, 7, 3, 0, 5}
class NumpyRandomState {
public:
    explicit NumpyRandomState(uint32_t seed);

    /// A uniform integer in [0, max], drawn as numpy's legacy random_interval does.
    [[nodiscard]] uint64_t randomInterval(uint64_t max);
    /// random_sample(): a double in [0, 1) from 53 bits of two 32-bit draws.
    [[nodiscard]] double randomSample();
    /// np.random.RandomState.permutation(n).
    [[nodiscard]] std::vector<size_t> permutation(size_t n);
    /// np.random.RandomState.shuffle(x) for a 1-d array.
    void shuffle(std::vector<size_t>& values);
    /// choice(populationSize, size=count, replace=False) with uniform probabilities: indices
    /// into the population, in draw order. Requires count <= populationSize.
    [[nodiscard]] std::vector<size_t> choiceWithoutReplacement(size_t populationSize, size_t count);

private:
    // numpy seeds MT19937 with init_genrand(seed) and tempers like the standard, so
    // std::mt19937 produces the same 32-bit stream.
    std::mt19937 m_engine;
};

} // namespace oficina::core
