# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'export_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QGroupBox, QLabel, QRadioButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_ExportDialog(object):
    def setupUi(self, ExportDialog):
        if not ExportDialog.objectName():
            ExportDialog.setObjectName(u"ExportDialog")
        ExportDialog.resize(460, 240)
        self.mainLayout = QVBoxLayout(ExportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ExportDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.scopeGroup = QGroupBox(ExportDialog)
        self.scopeGroup.setObjectName(u"scopeGroup")
        self.scopeLayout = QVBoxLayout(self.scopeGroup)
        self.scopeLayout.setObjectName(u"scopeLayout")
        self.allAccountsRadio = QRadioButton(self.scopeGroup)
        self.allAccountsRadio.setObjectName(u"allAccountsRadio")
        self.allAccountsRadio.setText(u"All accounts")
        self.allAccountsRadio.setChecked(True)

        self.scopeLayout.addWidget(self.allAccountsRadio)

        self.currentAccountRadio = QRadioButton(self.scopeGroup)
        self.currentAccountRadio.setObjectName(u"currentAccountRadio")
        self.currentAccountRadio.setText(u"Current account only")

        self.scopeLayout.addWidget(self.currentAccountRadio)


        self.mainLayout.addWidget(self.scopeGroup)

        self.findingsCheck = QCheckBox(ExportDialog)
        self.findingsCheck.setObjectName(u"findingsCheck")
        self.findingsCheck.setChecked(True)

        self.mainLayout.addWidget(self.findingsCheck)

        self.verticalSpacer = QSpacerItem(10, 6, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(ExportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(ExportDialog)
        self.buttonBox.accepted.connect(ExportDialog.accept)
        self.buttonBox.rejected.connect(ExportDialog.reject)

        QMetaObject.connectSlotsByName(ExportDialog)
    # setupUi

    def retranslateUi(self, ExportDialog):
        ExportDialog.setWindowTitle(QCoreApplication.translate("ExportDialog", u"Export workbook", None))
        self.introLabel.setText(QCoreApplication.translate("ExportDialog", u"Writes an Excel workbook: a summary of the agreement, then accounts, stakeholders, relationships, plays, touches and objectives, one sheet each. An edited copy can come back with File \u25b8 Import.", None))
        self.scopeGroup.setTitle(QCoreApplication.translate("ExportDialog", u"Accounts", None))
        self.findingsCheck.setText(QCoreApplication.translate("ExportDialog", u"Include &DMU findings", None))
#if QT_CONFIG(tooltip)
        self.findingsCheck.setToolTip(QCoreApplication.translate("ExportDialog", u"Analyse each account's decision-making unit and add the gaps found as a Findings sheet; takes longer for big plans.", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

