#include "nodes/Concepts.h"

#include "util/Tr.h"

#include <algorithm>

namespace oficina::core {

const std::vector<Concept>& concepts() {
    static const std::vector<Concept> all = {
        {"data", OFICINA_TR_NOOP("Data"),
         OFICINA_TR_NOOP("The examples a computer learns from, laid out as a table: each row is "
                         "one example (a flower, a patient, a day) and each column one of its "
                         "attributes. The columns used to make a prediction are the features; the "
                         "column to be predicted, when there is one, is the target (or label). "
                         "What a model can learn is limited by its data: too few rows, missing "
                         "cells or rows unlike those it will meet later give poor models.")},
        {"algorithm", OFICINA_TR_NOOP("Algorithm"),
         OFICINA_TR_NOOP("A learning algorithm is a recipe that turns data into a model, such as "
                         "K-Means or a decision tree. Its hyper-parameters (the number of "
                         "clusters, a tree's depth) are chosen by people before training; the "
                         "algorithm then finds the model's own parameters from the data. The "
                         "same algorithm given other data gives another model.")},
        {"model", OFICINA_TR_NOOP("Model"),
         OFICINA_TR_NOOP("What training produces: a function from a row's features to a "
                         "prediction, with values learned from the data (a line's slope, a "
                         "tree's questions, a network's weights). In Oficina a model also "
                         "remembers the preprocessing its training data went through, and applies "
                         "it again to new rows.")},
        {"training", OFICINA_TR_NOOP("Training"),
         OFICINA_TR_NOOP("Running a learning algorithm on data to obtain a model, also called "
                         "fitting. Many algorithms improve the model step by step, making a "
                         "measure of error (the loss) smaller; Oficina draws that loss while it "
                         "falls. Training uses only the training rows, never the rows kept aside "
                         "for testing.")},
        {"inference", OFICINA_TR_NOOP("Inference"),
         OFICINA_TR_NOOP("Using a trained model on rows it has not seen to get predictions: a "
                         "class, a number or a cluster. Inference does not change the model; it "
                         "is what happens when a model is put to work, and it is how a model is "
                         "tested: by predicting rows whose answers we know but it never saw.")},
        {"supervised", OFICINA_TR_NOOP("Supervised learning"),
         OFICINA_TR_NOOP("Learning from examples whose answers are known: every training row has "
                         "a target, and the algorithm learns to predict it from the features. "
                         "Its success can be measured by comparing predictions with the true "
                         "answers of test rows. Regression and classification are supervised.")},
        {"unsupervised", OFICINA_TR_NOOP("Unsupervised learning"),
         OFICINA_TR_NOOP("Learning without answers: the rows have no target, and the algorithm "
                         "looks for structure in the features alone, such as groups of similar "
                         "rows (clustering) or a few directions that summarise many columns "
                         "(PCA). There is no right answer to compare with, so people must judge "
                         "whether the structure found is useful.")},
        {"regression", OFICINA_TR_NOOP("Regression"),
         OFICINA_TR_NOOP("Supervised learning where the target is a number, such as a price, a "
                         "temperature or a disease's progression. A regression model is judged by "
                         "how far its predictions fall from the true values: the mean absolute "
                         "error (MAE), the root mean squared error (RMSE) or R², the share of the "
                         "target's variance it explains.")},
        {"classification", OFICINA_TR_NOOP("Classification"),
         OFICINA_TR_NOOP("Supervised learning where the target is a category, such as a flower's "
                         "species or whether an e-mail is spam. A classifier is judged by how "
                         "often it is right (accuracy) and by which classes it confuses (the "
                         "confusion matrix); precision and recall matter when one class is rare "
                         "or one mistake costs more than another.")},
        {"clustering", OFICINA_TR_NOOP("Clustering"),
         OFICINA_TR_NOOP("Unsupervised learning that groups similar rows into clusters, for "
                         "example customers with similar habits. The algorithm names the groups "
                         "0, 1, 2…; what they mean is for people to interpret. Distances drive "
                         "most clustering, so features on very different scales should be scaled "
                         "first.")},
        {"overfitting", OFICINA_TR_NOOP("Overfitting"),
         OFICINA_TR_NOOP("A model overfits when it learns its training rows by heart, noise "
                         "included, and then does worse on new rows: high training score, low "
                         "test score. Simpler models, more data, regularisation and early "
                         "stopping fight it. Holding out test rows (a train/test split, or "
                         "cross-validation) is how it is detected; a model too simple to fit even "
                         "its training rows underfits.")},
    };
    return all;
}

const Concept* findConcept(std::string_view id) {
    const auto& all = concepts();
    const auto it =
        std::find_if(all.begin(), all.end(), [id](const Concept& c) { return c.id == id; });
    return it == all.end() ? nullptr : &*it;
}

} // namespace oficina::core
