#pragma once
// The beat map routing uses: the one in force (imported, or Durham's 2022
// beats shipped with the program) drawn from its polygons, and a GeoJSON
// import. After a file is read the properties its features share are
// offered for the beat id (as replay's --beat-id names one), the map is read
// again with the one chosen by the same core reader the store uses and
// previewed, or refused with the reader's reason (naming the JSON path);
// saving also refuses a map that lacks a beat the rules in force name.
#include "core/geo/BeatMap.h"
#include "settings/SettingsPage.h"

#include <QByteArray>
#include <memory>

class QComboBox;
class QLabel;
class QPushButton;

namespace heart::ui {

class BeatMapView;

class BeatMapPage : public SettingsPage
{
    Q_OBJECT

public:
    explicit BeatMapPage(Services services, QWidget* parent = nullptr);

    void reload() override;
    void setEditable(bool editable) override;
    void retranslate() override;
    QString title() const override;
    QStringList settingKeys() const override;

    // Reads a GeoJSON file (what the Open button does after its dialog):
    // false, with the reader's reason shown, when it cannot be a beat map.
    bool openFile(const QString& path);
    // The properties offered for the beat id, and the one chosen.
    QStringList idProperties() const;
    void chooseIdProperty(const QString& property);
    BeatMapView* preview() const { return m_view; }

private:
    void chooseFile();
    void previewChosen();
    void save();
    void showInForce();

    QByteArray m_file; // the GeoJSON read, not yet saved
    QString m_fileName;
    std::shared_ptr<const geo::BeatMap> m_inForce;
    std::shared_ptr<const geo::BeatMap> m_chosen; // read with the chosen property

    QLabel* m_intro;
    QLabel* m_current;
    QPushButton* m_open;
    QLabel* m_openError;
    QLabel* m_propertyLabel;
    QComboBox* m_property;
    QLabel* m_propertyError;
    QLabel* m_previewCaption;
    BeatMapView* m_view;
    QPushButton* m_save;
    QPushButton* m_cancel;
};

} // namespace heart::ui
