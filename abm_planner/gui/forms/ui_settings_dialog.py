# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(480, 180)
        self.mainLayout = QVBoxLayout(SettingsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.themeLabel = QLabel(SettingsDialog)
        self.themeLabel.setObjectName(u"themeLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.themeLabel)

        self.themeCombo = QComboBox(SettingsDialog)
        self.themeCombo.addItem("")
        self.themeCombo.addItem("")
        self.themeCombo.addItem("")
        self.themeCombo.setObjectName(u"themeCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.themeCombo)

        self.ownerLabel = QLabel(SettingsDialog)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.ownerLabel)

        self.ownerCombo = QComboBox(SettingsDialog)
        self.ownerCombo.setObjectName(u"ownerCombo")
        self.ownerCombo.setEditable(True)
        self.ownerCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.ownerCombo)

        self.recentLabel = QLabel(SettingsDialog)
        self.recentLabel.setObjectName(u"recentLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.recentLabel)

        self.recentLayout = QHBoxLayout()
        self.recentLayout.setObjectName(u"recentLayout")
        self.recentCountLabel = QLabel(SettingsDialog)
        self.recentCountLabel.setObjectName(u"recentCountLabel")
        self.recentCountLabel.setText(u"0")

        self.recentLayout.addWidget(self.recentCountLabel)

        self.recentSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.recentLayout.addItem(self.recentSpacer)

        self.clearRecentButton = QPushButton(SettingsDialog)
        self.clearRecentButton.setObjectName(u"clearRecentButton")

        self.recentLayout.addWidget(self.clearRecentButton)


        self.formLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.recentLayout)


        self.mainLayout.addLayout(self.formLayout)

        self.verticalSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(SettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.themeLabel.setBuddy(self.themeCombo)
        self.ownerLabel.setBuddy(self.ownerCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SettingsDialog)
        self.buttonBox.accepted.connect(SettingsDialog.accept)
        self.buttonBox.rejected.connect(SettingsDialog.reject)

        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"Settings", None))
        self.themeLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Appearance:", None))
        self.themeCombo.setItemText(0, QCoreApplication.translate("SettingsDialog", u"Same as the system", None))
        self.themeCombo.setItemText(1, QCoreApplication.translate("SettingsDialog", u"Light", None))
        self.themeCombo.setItemText(2, QCoreApplication.translate("SettingsDialog", u"Dark", None))

#if QT_CONFIG(accessibility)
        self.themeCombo.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Appearance", None))
#endif // QT_CONFIG(accessibility)
        self.ownerLabel.setText(QCoreApplication.translate("SettingsDialog", u"Default &owner:", None))
#if QT_CONFIG(accessibility)
        self.ownerCombo.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Default owner", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.ownerCombo.setToolTip(QCoreApplication.translate("SettingsDialog", u"Your name as a team member: new accounts and stakeholders get you as their owner.", None))
#endif // QT_CONFIG(tooltip)
        self.recentLabel.setText(QCoreApplication.translate("SettingsDialog", u"Recent plans:", None))
        self.clearRecentButton.setText(QCoreApplication.translate("SettingsDialog", u"&Clear list", None))
    # retranslateUi

