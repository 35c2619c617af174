# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'start_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCommandLinkButton, QDialog,
    QDialogButtonBox, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QSizePolicy, QVBoxLayout, QWidget)

class Ui_StartDialog(object):
    def setupUi(self, StartDialog):
        if not StartDialog.objectName():
            StartDialog.setObjectName(u"StartDialog")
        StartDialog.resize(580, 540)
        self.mainLayout = QVBoxLayout(StartDialog)
        self.mainLayout.setSpacing(12)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(24, 20, 24, 16)
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setSpacing(16)
        self.headerLayout.setObjectName(u"headerLayout")
        self.appIconLabel = QLabel(StartDialog)
        self.appIconLabel.setObjectName(u"appIconLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.appIconLabel.sizePolicy().hasHeightForWidth())
        self.appIconLabel.setSizePolicy(sizePolicy)
        self.appIconLabel.setMinimumSize(QSize(64, 64))

        self.headerLayout.addWidget(self.appIconLabel)

        self.titleLayout = QVBoxLayout()
        self.titleLayout.setObjectName(u"titleLayout")
        self.startTitle = QLabel(StartDialog)
        self.startTitle.setObjectName(u"startTitle")

        self.titleLayout.addWidget(self.startTitle)

        self.subtitleLabel = QLabel(StartDialog)
        self.subtitleLabel.setObjectName(u"subtitleLabel")
        self.subtitleLabel.setWordWrap(True)

        self.titleLayout.addWidget(self.subtitleLabel)


        self.headerLayout.addLayout(self.titleLayout)

        self.headerLayout.setStretch(1, 1)

        self.mainLayout.addLayout(self.headerLayout)

        self.newButton = QCommandLinkButton(StartDialog)
        self.newButton.setObjectName(u"newButton")

        self.mainLayout.addWidget(self.newButton)

        self.openButton = QCommandLinkButton(StartDialog)
        self.openButton.setObjectName(u"openButton")

        self.mainLayout.addWidget(self.openButton)

        self.demoButton = QCommandLinkButton(StartDialog)
        self.demoButton.setObjectName(u"demoButton")

        self.mainLayout.addWidget(self.demoButton)

        self.recentLabel = QLabel(StartDialog)
        self.recentLabel.setObjectName(u"recentLabel")

        self.mainLayout.addWidget(self.recentLabel)

        self.recentList = QListWidget(StartDialog)
        self.recentList.setObjectName(u"recentList")
        self.recentList.setAlternatingRowColors(True)

        self.mainLayout.addWidget(self.recentList)

        self.buttonBox = QDialogButtonBox(StartDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.recentLabel.setBuddy(self.recentList)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(StartDialog)
        self.buttonBox.rejected.connect(StartDialog.reject)

        QMetaObject.connectSlotsByName(StartDialog)
    # setupUi

    def retranslateUi(self, StartDialog):
        StartDialog.setWindowTitle(QCoreApplication.translate("StartDialog", u"Welcome to ABM Planner", None))
#if QT_CONFIG(accessibility)
        StartDialog.setAccessibleName(QCoreApplication.translate("StartDialog", u"Start", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.appIconLabel.setAccessibleName(QCoreApplication.translate("StartDialog", u"ABM Planner logo", None))
#endif // QT_CONFIG(accessibility)
        self.startTitle.setText(QCoreApplication.translate("StartDialog", u"ABM Planner", None))
        self.subtitleLabel.setText(QCoreApplication.translate("StartDialog", u"One plan for sales and marketing: agree your key accounts, map who decides, and run joint plays.", None))
        self.newButton.setText(QCoreApplication.translate("StartDialog", u"&New plan\u2026", None))
        self.newButton.setDescription(QCoreApplication.translate("StartDialog", u"Start an empty plan with the default agreement, vocabularies and plays.", None))
        self.openButton.setText(QCoreApplication.translate("StartDialog", u"&Open a plan\u2026", None))
        self.openButton.setDescription(QCoreApplication.translate("StartDialog", u"Open a plan file (.abmplan) a colleague sent you or you saved before.", None))
        self.demoButton.setText(QCoreApplication.translate("StartDialog", u"Open the &demo plan", None))
        self.demoButton.setDescription(QCoreApplication.translate("StartDialog", u"Explore a realistic portfolio of key accounts; your changes stay in your own copy.", None))
        self.recentLabel.setText(QCoreApplication.translate("StartDialog", u"&Recent plans", None))
#if QT_CONFIG(accessibility)
        self.recentList.setAccessibleName(QCoreApplication.translate("StartDialog", u"Recent plans", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

