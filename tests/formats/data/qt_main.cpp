#include <QCoreApplication>
#include <QObject>
class MainWindow : public QObject {
    Q_OBJECT
public:
    void labels() {
        tr("&Open...");
        //: Keep it short
        tr("Save", "verb, on the toolbar");
        tr("%n file(s) deleted", "", 3);
        tr("Copied %1 of %2").arg(1).arg(2);
        tr("Delete <b>%1</b>?");
    }
};
