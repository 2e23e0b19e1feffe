#pragma once
// "Save spec…" of the Train page: the model spec in the editor with the feature plan the page would
// train with written into it ("features": the columns chosen, the one-hot cap, missing values, class
// weighting and resampling; "scaling" when chosen), so that loupe-cli, the Learning-rate and the
// Search pages train the same way from the file (SpecFeatures.h). Saved into the workspace's folder
// unless the user last saved specs elsewhere.

#include "core/prep/ScalingMethod.h"
#include "core/train/TrainingDataRequest.h"
#include "core/util/Status.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

class QWidget;

namespace loupe {

class SpecWithPlan {
    Q_DECLARE_TR_FUNCTIONS(SpecWithPlan)
public:
    // The spec text (parsed: errors name the JSON path) with request's choices as "features" (a table
    // request only) and the explicit scaling; pretty-printed canonical JSON.
    static Result<QString> compose(const QString &specText, const TrainingDataRequest &request,
                                   const std::optional<ScalingMethod> &scaling);
    // Asks where to save `specJson` (proposedPath for its "name") and writes it atomically. Returns the
    // problem in words, empty when saved (savedPath set) or cancelled (savedPath empty).
    static QString saveWithDialog(QWidget *parent, const QString &specJson, const QString &workspace,
                                  QString &savedPath);
    // "<remembered spec folder, else the workspace's folder, else home>/<spec name>.json"
    static QString proposedPath(const QString &workspace, const QString &specName);
};

} // namespace loupe
