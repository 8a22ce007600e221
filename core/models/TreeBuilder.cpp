// CART's split search and tree growth, step for step as scikit-learn 1.2's BestSplitter,
// DepthFirstTreeBuilder and criteria (_splitter.pyx, _tree.pyx, _criterion.pyx), so that the
// same data and seed give the same tree. DecisionTree.cpp holds the estimator around it.
#include "models/DecisionTree.h"

#include "data/NumpyRandom.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>

namespace oficina::core {

namespace {

using Eigen::Index;

// scikit-learn's constants (_splitter.pyx, _tree.pyx, _utils.pyx).
constexpr double kFeatureThreshold = 1e-7;
constexpr double kEpsilon = std::numeric_limits<double>::epsilon();
constexpr uint32_t kRandRMax = 2147483647u;

// scikit-learn's our_rand_r (an xorshift), so features are visited in the order it visits them.
uint32_t ourRandR(uint32_t& seed) {
    if (seed == 0) seed = 1;
    seed ^= seed << 13;
    seed ^= seed >> 17;
    seed ^= seed << 5;
    return seed % (kRandRMax + 1u);
}

int randInt(int low, int high, uint32_t& seed) {
    return low + int(ourRandR(seed) % uint32_t(high - low));
}

struct Entry {
    float x;
    int32_t row;
};

// Sortable unsigned key of a float: the order of the keys is the order of the numbers.
inline uint32_t floatKey(float value) {
    uint32_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    return bits ^ ((bits >> 31) ? 0xFFFFFFFFu : 0x80000000u);
}

// Sorts entries by x. Large nodes use an LSD radix sort (three 11-bit digits), which is what
// makes exact splits cheap on big tables; small ones a comparison sort.
void sortEntries(Entry* begin, Entry* end, std::vector<Entry>& scratch) {
    const size_t n = size_t(end - begin);
    if (n < 384) {
        std::sort(begin, end, [](const Entry& a, const Entry& b) { return a.x < b.x; });
        return;
    }
    constexpr int kBits = 11;
    constexpr uint32_t kBuckets = 1u << kBits;
    uint32_t histogram[3][kBuckets] = {};
    for (size_t i = 0; i < n; ++i) {
        const uint32_t key = floatKey(begin[i].x);
        ++histogram[0][key & (kBuckets - 1)];
        ++histogram[1][(key >> kBits) & (kBuckets - 1)];
        ++histogram[2][key >> (2 * kBits)];
    }
    if (scratch.size() < n) scratch.resize(n);
    Entry* from = begin;
    Entry* to = scratch.data();
    for (int pass = 0; pass < 3; ++pass) {
        uint32_t* h = histogram[pass];
        const int shift = pass * kBits;
        // A digit shared by every key leaves the order as it is.
        if (h[(floatKey(from[0].x) >> shift) & (kBuckets - 1)] == n) continue;
        uint32_t sum = 0;
        for (uint32_t b = 0; b < kBuckets; ++b) {
            const uint32_t count = h[b];
            h[b] = sum;
            sum += count;
        }
        for (size_t i = 0; i < n; ++i) {
            const uint32_t digit = (floatKey(from[i].x) >> shift) & (kBuckets - 1);
            to[h[digit]++] = from[i];
        }
        std::swap(from, to);
    }
    if (from != begin) std::copy(from, from + n, begin);
}

struct StackRecord {
    int64_t start, end;
    int depth;
    int32_t parent;
    bool isLeft;
    double impurity;
    int constantFeatures;
};

struct Split {
    int feature = -1;
    int64_t pos = 0;
    double threshold = 0.0;
    double improvement = -std::numeric_limits<double>::infinity();
    double impurityLeft = 0.0;
    double impurityRight = 0.0;
};

} // namespace

// The builder's buffers, reused for every node and (in a forest) every tree of a thread.
class TreeWorkspace {
public:
    std::vector<int32_t> samples;
    std::vector<int32_t> features;
    std::vector<int32_t> constantFeatures;
    std::vector<Entry> entries;
    std::vector<Entry> scratch;
    std::vector<int32_t> sortedClass;
    std::vector<double> sortedY;
    std::vector<double> sortedW;
    std::vector<double> total;
    std::vector<double> left;
};

void TreeWorkspaceDeleter::operator()(TreeWorkspace* workspace) const {
    delete workspace;
}

TreeWorkspacePtr makeTreeWorkspace() {
    return TreeWorkspacePtr(new TreeWorkspace);
}

namespace {

class Builder {
public:
    Builder(const TreeData& data, const DecisionTreeOptions& options, uint32_t seed,
            TreeWorkspace& ws)
        : m_data(data), m_options(options), m_seed(seed), m_ws(ws),
          m_classification(data.classes != nullptr),
          m_width(m_classification ? data.classCount : 1),
          m_maxFeatures(options.maxFeatures.resolve(data.features)) {}

    Tree build(const std::stop_token& stop) {
        auto& samples = m_ws.samples;
        samples.clear();
        m_totalWeight = 0.0;
        for (int64_t i = 0; i < m_data.rows; ++i) {
            const double w = weight(int32_t(i));
            m_totalWeight += w;
            if (w != 0.0) samples.push_back(int32_t(i));
        }
        m_ws.features.resize(size_t(m_data.features));
        std::iota(m_ws.features.begin(), m_ws.features.end(), 0);
        m_ws.constantFeatures.assign(size_t(m_data.features), 0);
        m_ws.total.assign(size_t(m_width), 0.0);
        m_ws.left.assign(size_t(m_width), 0.0);
        if (m_ws.entries.size() < samples.size()) m_ws.entries.resize(samples.size());
        if (m_classification) {
            if (m_ws.sortedClass.size() < samples.size()) m_ws.sortedClass.resize(samples.size());
        } else if (m_ws.sortedY.size() < samples.size()) {
            m_ws.sortedY.resize(samples.size());
        }
        if (m_ws.sortedW.size() < samples.size()) m_ws.sortedW.resize(samples.size());

        const int maxDepth =
            m_options.maxDepth > 0 ? m_options.maxDepth : std::numeric_limits<int>::max();
        std::vector<StackRecord> stack;
        stack.push_back({0, int64_t(samples.size()), 0, -1, false,
                         std::numeric_limits<double>::infinity(), 0});
        bool first = true;
        size_t visited = 0;
        while (!stack.empty()) {
            const StackRecord record = stack.back();
            stack.pop_back();
            if ((++visited & 63) == 0 && stop.stop_requested()) throw Cancelled{};
            const int64_t count = record.end - record.start;
            const double weighted = nodeReset(record.start, record.end);
            bool leaf = record.depth >= maxDepth || count < m_options.minSamplesSplit ||
                        count < 2 * int64_t(m_options.minSamplesLeaf);
            double impurity = record.impurity;
            if (first) {
                impurity = nodeImpurity(weighted);
                first = false;
            }
            leaf = leaf || impurity <= kEpsilon;
            Split split;
            int constants = record.constantFeatures;
            if (!leaf) {
                split = nodeSplit(record.start, record.end, weighted, impurity, constants);
                leaf = split.feature < 0 || split.pos >= record.end ||
                       split.improvement + kEpsilon < 0.0;
            }
            const auto id = int32_t(m_nodes.size());
            TreeNode node;
            node.impurity = impurity;
            node.samples = count;
            node.weightedSamples = weighted;
            node.depth = record.depth;
            if (!leaf) {
                node.feature = split.feature;
                node.threshold = split.threshold;
            }
            m_nodes.push_back(node);
            if (record.parent >= 0) {
                TreeNode& parent = m_nodes[size_t(record.parent)];
                (record.isLeft ? parent.left : parent.right) = id;
            }
            if (m_classification) {
                m_values.insert(m_values.end(), m_ws.total.begin(), m_ws.total.end());
            } else {
                m_values.push_back(m_ws.total[0] / weighted);
            }
            if (!leaf) {
                stack.push_back({split.pos, record.end, record.depth + 1, id, false,
                                 split.impurityRight, constants});
                stack.push_back({record.start, split.pos, record.depth + 1, id, true,
                                 split.impurityLeft, constants});
            }
        }
        return Tree(std::move(m_nodes), std::move(m_values), m_width);
    }

private:
    double weight(int32_t row) const { return m_data.weights ? m_data.weights[row] : 1.0; }
    float x(int feature, int32_t row) const {
        return m_data.x[int64_t(feature) * m_data.rows + row];
    }

    // Fills total (class weights, or Σw·y and m_sqSum) for samples[start, end); returns Σw.
    double nodeReset(int64_t start, int64_t end) {
        std::fill(m_ws.total.begin(), m_ws.total.end(), 0.0);
        m_sqSum = 0.0;
        double weighted = 0.0;
        const int32_t* samples = m_ws.samples.data();
        for (int64_t p = start; p < end; ++p) {
            const int32_t i = samples[p];
            const double w = weight(i);
            if (m_classification) {
                m_ws.total[size_t(m_data.classes[i])] += w;
            } else {
                const double y = m_data.y[i];
                m_ws.total[0] += w * y;
                m_sqSum += w * y * y;
            }
            weighted += w;
        }
        return weighted;
    }

    double classImpurity(const double* counts, double weighted) const {
        if (m_options.criterion == TreeCriterion::Entropy) {
            double entropy = 0.0;
            for (int k = 0; k < m_width; ++k)
                if (counts[k] > 0.0) {
                    const double fraction = counts[k] / weighted;
                    entropy -= fraction * std::log(fraction) / std::log(2.0);
                }
            return entropy;
        }
        double squares = 0.0;
        for (int k = 0; k < m_width; ++k)
            squares += counts[k] * counts[k];
        return 1.0 - squares / (weighted * weighted);
    }

    double nodeImpurity(double weighted) const {
        if (m_classification) return classImpurity(m_ws.total.data(), weighted);
        const double mean = m_ws.total[0] / weighted;
        return m_sqSum / weighted - mean * mean;
    }

    Split nodeSplit(int64_t start, int64_t end, double weighted, double impurity,
                    int& constantsInOut);
    void scanFeature(int feature, int64_t start, int64_t end, double weighted, Split& best,
                     double& bestProxy);
    void finishSplit(Split& best, int64_t start, int64_t end, double weighted, double impurity);

    const TreeData& m_data;
    const DecisionTreeOptions& m_options;
    uint32_t m_seed;
    TreeWorkspace& m_ws;
    bool m_classification;
    int m_width;
    int m_maxFeatures;
    double m_totalWeight = 0.0;
    double m_sqSum = 0.0;
    std::vector<TreeNode> m_nodes;
    std::vector<double> m_values;
};

// scikit-learn's BestSplitter.node_split: draws features without replacement, skipping those
// known or found constant, until max_features non-constant ones have been evaluated.
Split Builder::nodeSplit(int64_t start, int64_t end, double weighted, double impurity,
                         int& constantsInOut) {
    int32_t* features = m_ws.features.data();
    int32_t* constantFeatures = m_ws.constantFeatures.data();
    const int knownConstants = constantsInOut;
    int totalConstants = knownConstants;
    int foundConstants = 0, drawnConstants = 0, visited = 0;
    int f_i = m_data.features;
    Split best;
    best.pos = end;
    double bestProxy = -std::numeric_limits<double>::infinity();
    Entry* entries = m_ws.entries.data();
    const int32_t* samples = m_ws.samples.data();

    while (f_i > totalConstants &&
           (visited < m_maxFeatures || visited <= foundConstants + drawnConstants)) {
        ++visited;
        int f_j = randInt(drawnConstants, f_i - foundConstants, m_seed);
        if (f_j < knownConstants) {
            std::swap(features[drawnConstants], features[f_j]);
            ++drawnConstants;
            continue;
        }
        f_j += foundConstants;
        const int feature = features[f_j];
        const int64_t m = end - start;
        const float* column = m_data.x + int64_t(feature) * m_data.rows;
        for (int64_t p = 0; p < m; ++p) {
            const int32_t row = samples[start + p];
            entries[p] = {column[row], row};
        }
        sortEntries(entries, entries + m, m_ws.scratch);
        if (double(entries[m - 1].x) <= double(entries[0].x) + kFeatureThreshold) {
            std::swap(features[f_j], features[totalConstants]);
            ++foundConstants;
            ++totalConstants;
            continue;
        }
        --f_i;
        std::swap(features[f_i], features[f_j]);
        scanFeature(feature, start, end, weighted, best, bestProxy);
    }

    if (best.feature >= 0 && best.pos < end) finishSplit(best, start, end, weighted, impurity);

    // Known constants keep their order for the children; newly found ones follow them.
    std::memcpy(features, constantFeatures, sizeof(int32_t) * size_t(knownConstants));
    std::memcpy(constantFeatures + knownConstants, features + knownConstants,
                sizeof(int32_t) * size_t(foundConstants));
    constantsInOut = totalConstants;
    return best;
}

// Evaluates every split position of the sorted entries (scikit-learn's loop over p).
void Builder::scanFeature(int feature, int64_t start, int64_t end, double weighted, Split& best,
                          double& bestProxy) {
    const Entry* entries = m_ws.entries.data();
    const int64_t m = end - start;
    const int64_t minLeaf = m_options.minSamplesLeaf;
    double* w = m_ws.sortedW.data();
    for (int64_t p = 0; p < m; ++p)
        w[p] = weight(entries[p].row);

    // The next split position after p: past the run of values equal to entries[p] (within
    // scikit-learn's FEATURE_THRESHOLD).
    const auto nextPosition = [&](int64_t p) {
        while (p + 1 < m && double(entries[p + 1].x) <= double(entries[p].x) + kFeatureThreshold)
            ++p;
        return p + 1;
    };
    const auto consider = [&](int64_t p, double proxy) {
        if (proxy > bestProxy) {
            bestProxy = proxy;
            double threshold = double(entries[p - 1].x) / 2.0 + double(entries[p].x) / 2.0;
            if (threshold == double(entries[p].x) || std::isinf(threshold))
                threshold = double(entries[p - 1].x);
            best.feature = feature;
            best.pos = start + p;
            best.threshold = threshold;
        }
    };

    if (m_classification) {
        int32_t* cls = m_ws.sortedClass.data();
        for (int64_t p = 0; p < m; ++p)
            cls[p] = m_data.classes[entries[p].row];
        double* left = m_ws.left.data();
        const double* total = m_ws.total.data();
        std::fill(left, left + m_width, 0.0);
        double right[256];
        double* rightCounts = m_width <= 256 ? right : nullptr;
        std::vector<double> rightHeap;
        if (!rightCounts) {
            rightHeap.resize(size_t(m_width));
            rightCounts = rightHeap.data();
        }
        double wLeft = 0.0;
        int64_t pos = 0;
        int64_t p = 0;
        const bool entropy = m_options.criterion == TreeCriterion::Entropy;
        while (p < m) {
            p = nextPosition(p);
            if (p >= m) break;
            if (p < minLeaf || m - p < minLeaf) continue;
            for (; pos < p; ++pos) {
                left[cls[pos]] += w[pos];
                wLeft += w[pos];
            }
            const double wRight = weighted - wLeft;
            for (int k = 0; k < m_width; ++k)
                rightCounts[k] = total[k] - left[k];
            double proxy;
            if (entropy) {
                proxy = -wRight * classImpurity(rightCounts, wRight) -
                        wLeft * classImpurity(left, wLeft);
            } else {
                double sqLeft = 0.0, sqRight = 0.0;
                for (int k = 0; k < m_width; ++k) {
                    sqLeft += left[k] * left[k];
                    sqRight += rightCounts[k] * rightCounts[k];
                }
                const double giniLeft = 1.0 - sqLeft / (wLeft * wLeft);
                const double giniRight = 1.0 - sqRight / (wRight * wRight);
                proxy = -wRight * giniRight - wLeft * giniLeft;
            }
            consider(p, proxy);
        }
        return;
    }

    double* y = m_ws.sortedY.data();
    for (int64_t p = 0; p < m; ++p)
        y[p] = m_data.y[entries[p].row];
    const double sumTotal = m_ws.total[0];
    double sumLeft = 0.0, wLeft = 0.0;
    int64_t pos = 0;
    int64_t p = 0;
    while (p < m) {
        p = nextPosition(p);
        if (p >= m) break;
        if (p < minLeaf || m - p < minLeaf) continue;
        // RegressionCriterion.update: forward from the last position, or back from the end
        // when that is shorter — the same sums, so the same rounding, as scikit-learn.
        if (p - pos <= m - p) {
            for (; pos < p; ++pos) {
                sumLeft += w[pos] * y[pos];
                wLeft += w[pos];
            }
        } else {
            sumLeft = sumTotal;
            wLeft = weighted;
            for (int64_t q = m - 1; q >= p; --q) {
                sumLeft -= w[q] * y[q];
                wLeft -= w[q];
            }
            pos = p;
        }
        const double wRight = weighted - wLeft;
        const double sumRight = sumTotal - sumLeft;
        consider(p, sumLeft * sumLeft / wLeft + sumRight * sumRight / wRight);
    }
}

// Partitions the node's samples at the best split and computes the children's impurities and
// the improvement exactly as scikit-learn does after its search.
void Builder::finishSplit(Split& best, int64_t start, int64_t end, double weighted,
                          double impurity) {
    int32_t* samples = m_ws.samples.data();
    int64_t partitionEnd = end;
    for (int64_t p = start; p < partitionEnd;) {
        if (double(x(best.feature, samples[p])) <= best.threshold) {
            ++p;
        } else {
            --partitionEnd;
            std::swap(samples[p], samples[partitionEnd]);
        }
    }
    double wLeft = 0.0;
    if (m_classification) {
        double* left = m_ws.left.data();
        std::fill(left, left + m_width, 0.0);
        for (int64_t p = start; p < best.pos; ++p) {
            const double w = weight(samples[p]);
            left[m_data.classes[samples[p]]] += w;
            wLeft += w;
        }
        std::vector<double> right(m_ws.total.size());
        for (int k = 0; k < m_width; ++k)
            right[size_t(k)] = m_ws.total[size_t(k)] - left[k];
        best.impurityLeft = classImpurity(left, wLeft);
        best.impurityRight = classImpurity(right.data(), weighted - wLeft);
    } else {
        double sumLeft = 0.0;
        if (best.pos - start <= end - best.pos) {
            for (int64_t p = start; p < best.pos; ++p) {
                const double w = weight(samples[p]);
                sumLeft += w * m_data.y[samples[p]];
                wLeft += w;
            }
        } else {
            sumLeft = m_ws.total[0];
            wLeft = weighted;
            for (int64_t p = end - 1; p >= best.pos; --p) {
                const double w = weight(samples[p]);
                sumLeft -= w * m_data.y[samples[p]];
                wLeft -= w;
            }
        }
        double sqLeft = 0.0;
        for (int64_t p = start; p < best.pos; ++p) {
            const double y = m_data.y[samples[p]];
            sqLeft += weight(samples[p]) * y * y;
        }
        const double wRight = weighted - wLeft;
        const double sumRight = m_ws.total[0] - sumLeft;
        const double sqRight = m_sqSum - sqLeft;
        best.impurityLeft = sqLeft / wLeft - (sumLeft / wLeft) * (sumLeft / wLeft);
        best.impurityRight = sqRight / wRight - (sumRight / wRight) * (sumRight / wRight);
    }
    const double wRight = weighted - wLeft;
    best.improvement = (weighted / m_totalWeight) *
                       (impurity - wRight / weighted * best.impurityRight -
                        wLeft / weighted * best.impurityLeft);
}

} // namespace

Tree buildTree(const TreeData& data, const DecisionTreeOptions& options, uint32_t splitterSeed,
               TreeWorkspace& workspace, std::stop_token stop) {
    if (options.minSamplesSplit < 2)
        throw Error(Message(OFICINA_TR_NOOP("min_samples_split must be at least 2, not %1"),
                            {std::to_string(options.minSamplesSplit)}));
    if (options.minSamplesLeaf < 1)
        throw Error(Message(OFICINA_TR_NOOP("min_samples_leaf must be at least 1, not %1"),
                            {std::to_string(options.minSamplesLeaf)}));
    if (data.rows == 0 || data.features == 0)
        throw Error(Message(OFICINA_TR_NOOP("there are no rows to train on")));
    return Builder(data, options, splitterSeed, workspace).build(stop);
}

uint32_t treeSplitterSeed(uint32_t seed) {
    return uint32_t(NumpyRandomState(seed).randomInterval(kRandRMax - 1));
}

} // namespace oficina::core
