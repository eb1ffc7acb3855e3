#include "settings/BeatMapPage.h"

#include "map/BeatMapView.h"
#include "store/CoreText.h"
#include "store/SettingsStore.h"
#include "usecases/SettingsUseCases.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace heart::ui {

namespace {
// Beat maps are larger than other settings (Durham's is 2 MB): core's bound, plus one byte to be told.
constexpr qint64 kMaxFileBytes = 64 * 1024 * 1024 + 1;
} // namespace

BeatMapPage::BeatMapPage(Services services, QWidget* parent)
    : SettingsPage(std::move(services), parent), m_intro(new QLabel(this)), m_current(new QLabel(this)),
      m_open(new QPushButton(this)), m_openError(makeFieldError(this, QStringLiteral("beatMapFileError"))),
      m_propertyLabel(new QLabel(this)), m_property(new QComboBox(this)),
      m_propertyError(makeFieldError(this, QStringLiteral("beatMapPropertyError"))),
      m_previewCaption(new QLabel(this)), m_view(new BeatMapView(this)), m_save(new QPushButton(this)),
      m_cancel(new QPushButton(this))
{
    setObjectName(QStringLiteral("beatMapPage"));
    messageLabel()->setObjectName(QStringLiteral("beatMapMessage"));
    m_intro->setWordWrap(true);
    m_current->setObjectName(QStringLiteral("beatMapInForce"));
    m_current->setWordWrap(true);
    m_open->setObjectName(QStringLiteral("openBeatMap"));
    m_property->setObjectName(QStringLiteral("beatMapIdProperty"));
    m_property->setMinimumContentsLength(16);
    m_propertyLabel->setBuddy(m_property);
    m_previewCaption->setObjectName(QStringLiteral("beatMapPreviewCaption"));
    m_view->setObjectName(QStringLiteral("beatMapPreview"));
    m_save->setObjectName(QStringLiteral("saveBeatMap"));
    m_cancel->setObjectName(QStringLiteral("cancelBeatMap"));

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(m_propertyLabel, m_property);
    form->addRow(QString(), m_propertyError);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_current);
    layout->addLayout(buttons);
    layout->addWidget(m_openError);
    layout->addLayout(form);
    layout->addWidget(messageArea());
    layout->addWidget(m_previewCaption);
    layout->addWidget(m_view, 1);

    connect(m_open, &QPushButton::clicked, this, &BeatMapPage::chooseFile);
    connect(m_property, &QComboBox::currentIndexChanged, this, &BeatMapPage::previewChosen);
    connect(m_save, &QPushButton::clicked, this, &BeatMapPage::save);
    connect(m_cancel, &QPushButton::clicked, this, &BeatMapPage::reload);
    retranslate();
    reload();
}

void BeatMapPage::reload()
{
    m_file.clear();
    m_fileName.clear();
    m_chosen.reset();
    m_property->blockSignals(true);
    m_property->clear();
    m_property->blockSignals(false);
    showFieldError(m_openError, {});
    showFieldError(m_propertyError, {});
    auto inForce = usecases::SettingsUseCases(m_services).beatMap();
    if (!inForce.ok()) {
        m_inForce.reset();
        showMessage(refusalText(inForce.error()), true);
    } else {
        m_inForce = inForce.value().map;
        const store::BeatMapSetting::Info& info = inForce.value().info;
        m_current->setText(
            info.builtIn
                ? tr("In force: Durham's 2022 beats, shipped with HEART Desk (%n beat(s)).", nullptr,
                     int(m_inForce->beatIds().size()))
                : tr("In force: %1, beat id from the property \"%2\" (%n beat(s)).", nullptr, info.beatCount)
                      .arg(info.sourceName, info.idProperty));
    }
    showInForce();
    markSaved();
}

void BeatMapPage::showInForce()
{
    m_view->setBeatMap(m_inForce);
    m_previewCaption->setText(tr("The beat map in force:"));
    m_property->setEnabled(false);
    m_save->setEnabled(false);
    m_cancel->setEnabled(false);
}

void BeatMapPage::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import a beat map"), QString(),
                                                      tr("GeoJSON files (*.geojson *.json);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

bool BeatMapPage::openFile(const QString& path)
{
    clearMessage();
    showFieldError(m_openError, {});
    showFieldError(m_propertyError, {});
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.open(QIODevice::ReadOnly)) {
        showFieldError(m_openError, tr("Cannot read %1: %2.").arg(name, file.errorString()));
        return false;
    }
    const QByteArray text = file.read(kMaxFileBytes);
    // The properties every feature has: the reader refuses what is not a feature collection.
    auto candidates = geo::BeatMap::idPropertyCandidates(
        std::string_view(text.constData(), std::size_t(text.size())), store::toStdString(name));
    if (!candidates) {
        reload();
        showFieldError(m_openError,
                       tr("Not a beat map: %1").arg(store::toQString(candidates.error().toString())));
        return false;
    }
    if (candidates.value().empty()) {
        reload();
        showFieldError(m_openError,
                       tr("%1: the features share no property that could hold a beat id (a text or "
                          "a number in every feature).")
                           .arg(name));
        return false;
    }
    m_file = text;
    m_fileName = name;
    markEdited();
    m_property->blockSignals(true);
    m_property->clear();
    int preferred = -1;
    for (const std::string& candidate : candidates.value()) {
        const QString property = store::toQString(candidate);
        m_property->addItem(property);
        if (preferred < 0 && property.contains(QLatin1String("beat"), Qt::CaseInsensitive))
            preferred = m_property->count() - 1;
    }
    m_property->setCurrentIndex(std::max(preferred, 0));
    m_property->blockSignals(false);
    m_property->setEnabled(true);
    m_cancel->setEnabled(true);
    previewChosen();
    m_property->setFocus();
    return true;
}

QStringList BeatMapPage::idProperties() const
{
    QStringList properties;
    for (int i = 0; i < m_property->count(); ++i)
        properties.append(m_property->itemText(i));
    return properties;
}

void BeatMapPage::chooseIdProperty(const QString& property)
{
    m_property->setCurrentIndex(m_property->findText(property));
}

void BeatMapPage::previewChosen()
{
    if (m_file.isEmpty())
        return;
    clearMessage();
    showFieldError(m_propertyError, {});
    geo::BeatMapOptions options;
    options.idProperty = store::toStdString(m_property->currentText());
    options.sourceName = store::toStdString(m_fileName);
    auto map =
        geo::BeatMap::fromGeoJson(std::string_view(m_file.constData(), std::size_t(m_file.size())), options);
    if (!map) {
        m_chosen.reset();
        m_view->setBeatMap(nullptr);
        m_previewCaption->setText(tr("Nothing to preview."));
        showFieldError(m_propertyError, tr("Refused: %1").arg(store::toQString(map.error().toString())));
        m_save->setEnabled(false);
        return;
    }
    m_chosen = std::make_shared<const geo::BeatMap>(std::move(map).value());
    m_view->setBeatMap(m_chosen);
    m_previewCaption->setText(
        tr("Preview of %1: %n beat(s), not saved yet.", nullptr, int(m_chosen->beatIds().size()))
            .arg(m_fileName));
    m_save->setEnabled(true);
}

void BeatMapPage::save()
{
    if (!m_chosen)
        return;
    clearMessage();
    const QString property = m_property->currentText();
    if (store::StoreError error =
            usecases::SettingsUseCases(m_services).setBeatMap(m_file, property, m_fileName, readVersion())) {
        if (showIfStale(error))
            return;
        showFieldError(m_propertyError, refusalText(error));
        m_property->setFocus();
        return;
    }
    const QString name = m_fileName;
    reload();
    showMessage(tr("Saved. Calls are placed in beats by %1 from now on, on every workstation.").arg(name),
                false);
}

void BeatMapPage::setEditable(bool editable)
{
    for (QWidget* widget :
         std::initializer_list<QWidget*>{m_open, m_property, m_propertyLabel, m_save, m_cancel})
        widget->setVisible(editable);
}

void BeatMapPage::retranslate()
{
    m_intro->setText(
        tr("Routing places a call in a police beat by its location. Import the center's own beats "
           "as GeoJSON (polygons with a beat id among each feature's properties); the beats the rule "
           "sets in force name must be on the map."));
    m_open->setText(tr("&Open a GeoJSON file…"));
    m_propertyLabel->setText(tr("Beat id &property:"));
    m_property->setAccessibleName(tr("Property holding the beat id"));
    m_view->setAccessibleName(tr("Beat map"));
    m_save->setText(tr("&Save"));
    m_cancel->setText(tr("&Keep the map in force"));
}

QString BeatMapPage::title() const
{
    return tr("&Beat map");
}

QStringList BeatMapPage::settingKeys() const
{
    return {store::SettingsStore::key(store::Setting::BeatMap),
            store::SettingsStore::key(store::Setting::BeatMapInfo)};
}

} // namespace heart::ui
