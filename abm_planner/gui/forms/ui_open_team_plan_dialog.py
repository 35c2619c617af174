# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'open_team_plan_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_OpenTeamPlanDialog(object):
    def setupUi(self, OpenTeamPlanDialog):
        if not OpenTeamPlanDialog.objectName():
            OpenTeamPlanDialog.setObjectName(u"OpenTeamPlanDialog")
        OpenTeamPlanDialog.resize(520, 330)
        self.mainLayout = QVBoxLayout(OpenTeamPlanDialog)
        self.mainLayout.setSpacing(10)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(OpenTeamPlanDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.recentLabel = QLabel(OpenTeamPlanDialog)
        self.recentLabel.setObjectName(u"recentLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.recentLabel)

        self.recentCombo = QComboBox(OpenTeamPlanDialog)
        self.recentCombo.setObjectName(u"recentCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.recentCombo)

        self.urlLabel = QLabel(OpenTeamPlanDialog)
        self.urlLabel.setObjectName(u"urlLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.urlLabel)

        self.urlEdit = QLineEdit(OpenTeamPlanDialog)
        self.urlEdit.setObjectName(u"urlEdit")
        self.urlEdit.setClearButtonEnabled(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.urlEdit)

        self.hostLabel = QLabel(OpenTeamPlanDialog)
        self.hostLabel.setObjectName(u"hostLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.hostLabel)

        self.hostEdit = QLineEdit(OpenTeamPlanDialog)
        self.hostEdit.setObjectName(u"hostEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.hostEdit)

        self.portLabel = QLabel(OpenTeamPlanDialog)
        self.portLabel.setObjectName(u"portLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.portLabel)

        self.portSpin = QSpinBox(OpenTeamPlanDialog)
        self.portSpin.setObjectName(u"portSpin")
        self.portSpin.setMinimum(1)
        self.portSpin.setMaximum(65535)
        self.portSpin.setValue(5432)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.portSpin)

        self.databaseLabel = QLabel(OpenTeamPlanDialog)
        self.databaseLabel.setObjectName(u"databaseLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.databaseLabel)

        self.databaseEdit = QLineEdit(OpenTeamPlanDialog)
        self.databaseEdit.setObjectName(u"databaseEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.databaseEdit)

        self.userLabel = QLabel(OpenTeamPlanDialog)
        self.userLabel.setObjectName(u"userLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.userLabel)

        self.userEdit = QLineEdit(OpenTeamPlanDialog)
        self.userEdit.setObjectName(u"userEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.userEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.problemLabel = QLabel(OpenTeamPlanDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.problemLabel)

        self.verticalSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(OpenTeamPlanDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Open)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.recentLabel.setBuddy(self.recentCombo)
        self.urlLabel.setBuddy(self.urlEdit)
        self.hostLabel.setBuddy(self.hostEdit)
        self.portLabel.setBuddy(self.portSpin)
        self.databaseLabel.setBuddy(self.databaseEdit)
        self.userLabel.setBuddy(self.userEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.urlEdit, self.hostEdit)
        QWidget.setTabOrder(self.hostEdit, self.portSpin)
        QWidget.setTabOrder(self.portSpin, self.databaseEdit)
        QWidget.setTabOrder(self.databaseEdit, self.userEdit)
        QWidget.setTabOrder(self.userEdit, self.recentCombo)

        self.retranslateUi(OpenTeamPlanDialog)
        self.buttonBox.rejected.connect(OpenTeamPlanDialog.reject)

        QMetaObject.connectSlotsByName(OpenTeamPlanDialog)
    # setupUi

    def retranslateUi(self, OpenTeamPlanDialog):
        OpenTeamPlanDialog.setWindowTitle(QCoreApplication.translate("OpenTeamPlanDialog", u"Open team plan", None))
#if QT_CONFIG(accessibility)
        OpenTeamPlanDialog.setAccessibleName(QCoreApplication.translate("OpenTeamPlanDialog", u"Open team plan", None))
#endif // QT_CONFIG(accessibility)
        self.introLabel.setText(QCoreApplication.translate("OpenTeamPlanDialog", u"Open the plan your team shares on a PostgreSQL server. Paste its URL or fill in the server and database. Passwords come from ~/.pgpass, a service file or PGPASSWORD; if there is none you are asked, and it is never stored.", None))
        self.recentLabel.setText(QCoreApplication.translate("OpenTeamPlanDialog", u"&Recent server:", None))
#if QT_CONFIG(tooltip)
        self.recentCombo.setToolTip(QCoreApplication.translate("OpenTeamPlanDialog", u"Team plans opened before (passwords are never remembered)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.recentCombo.setAccessibleName(QCoreApplication.translate("OpenTeamPlanDialog", u"Recent servers", None))
#endif // QT_CONFIG(accessibility)
        self.urlLabel.setText(QCoreApplication.translate("OpenTeamPlanDialog", u"&URL:", None))
#if QT_CONFIG(tooltip)
        self.urlEdit.setToolTip(QCoreApplication.translate("OpenTeamPlanDialog", u"Paste a URL such as postgresql://anna@db.example.com/acme", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.urlEdit.setAccessibleName(QCoreApplication.translate("OpenTeamPlanDialog", u"Server URL", None))
#endif // QT_CONFIG(accessibility)
        self.urlEdit.setPlaceholderText(QCoreApplication.translate("OpenTeamPlanDialog", u"postgresql://user@host:5432/plan", None))
        self.hostLabel.setText(QCoreApplication.translate("OpenTeamPlanDialog", u"&Server:", None))
#if QT_CONFIG(tooltip)
        self.hostEdit.setToolTip(QCoreApplication.translate("OpenTeamPlanDialog", u"The server's name or address; empty for libpq's default (PGHOST, a service file or this computer)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.hostEdit.setAccessibleName(QCoreApplication.translate("OpenTeamPlanDialog", u"Server", None))
#endif // QT_CONFIG(accessibility)
        self.hostEdit.setPlaceholderText(QCoreApplication.translate("OpenTeamPlanDialog", u"db.example.com", None))
        self.portLabel.setText(QCoreApplication.translate("OpenTeamPlanDialog", u"&Port:", None))
#if QT_CONFIG(tooltip)
        self.portSpin.setToolTip(QCoreApplication.translate("OpenTeamPlanDialog", u"The server's port (5432 unless your admin says otherwise)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.portSpin.setAccessibleName(QCoreApplication.translate("OpenTeamPlanDialog", u"Port", None))
#endif // QT_CONFIG(accessibility)
        self.databaseLabel.setText(QCoreApplication.translate("OpenTeamPlanDialog", u"&Database:", None))
#if QT_CONFIG(tooltip)
        self.databaseEdit.setToolTip(QCoreApplication.translate("OpenTeamPlanDialog", u"The database that holds the plan (one plan per database)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.databaseEdit.setAccessibleName(QCoreApplication.translate("OpenTeamPlanDialog", u"Database", None))
#endif // QT_CONFIG(accessibility)
        self.databaseEdit.setPlaceholderText(QCoreApplication.translate("OpenTeamPlanDialog", u"acme_plan", None))
        self.userLabel.setText(QCoreApplication.translate("OpenTeamPlanDialog", u"U&ser:", None))
#if QT_CONFIG(tooltip)
        self.userEdit.setToolTip(QCoreApplication.translate("OpenTeamPlanDialog", u"Your database role; empty for libpq's default (PGUSER or your login name)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.userEdit.setAccessibleName(QCoreApplication.translate("OpenTeamPlanDialog", u"User", None))
#endif // QT_CONFIG(accessibility)
        self.userEdit.setPlaceholderText("")
#if QT_CONFIG(accessibility)
        self.problemLabel.setAccessibleName(QCoreApplication.translate("OpenTeamPlanDialog", u"Problem", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

