# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'team_member_form.ui'
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
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_TeamMemberForm(object):
    def setupUi(self, TeamMemberForm):
        if not TeamMemberForm.objectName():
            TeamMemberForm.setObjectName(u"TeamMemberForm")
        TeamMemberForm.resize(400, 220)
        self.mainLayout = QVBoxLayout(TeamMemberForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.nameLabel = QLabel(TeamMemberForm)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(TeamMemberForm)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.titleLabel = QLabel(TeamMemberForm)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(TeamMemberForm)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(200)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.emailLabel = QLabel(TeamMemberForm)
        self.emailLabel.setObjectName(u"emailLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(TeamMemberForm)
        self.emailEdit.setObjectName(u"emailEdit")
        self.emailEdit.setMaxLength(320)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.functionLabel = QLabel(TeamMemberForm)
        self.functionLabel.setObjectName(u"functionLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.functionLabel)

        self.functionCombo = QComboBox(TeamMemberForm)
        self.functionCombo.addItem("")
        self.functionCombo.addItem("")
        self.functionCombo.addItem("")
        self.functionCombo.setObjectName(u"functionCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.functionCombo)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(TeamMemberForm)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setText(u"")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(TeamMemberForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.titleLabel.setBuddy(self.titleEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.functionLabel.setBuddy(self.functionCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TeamMemberForm)
        self.buttonBox.accepted.connect(TeamMemberForm.accept)
        self.buttonBox.rejected.connect(TeamMemberForm.reject)

        QMetaObject.connectSlotsByName(TeamMemberForm)
    # setupUi

    def retranslateUi(self, TeamMemberForm):
        TeamMemberForm.setWindowTitle(QCoreApplication.translate("TeamMemberForm", u"New team member", None))
        self.nameLabel.setText(QCoreApplication.translate("TeamMemberForm", u"&Name:", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("TeamMemberForm", u"Team member name", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("TeamMemberForm", u"&Title:", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("TeamMemberForm", u"Job title", None))
#endif // QT_CONFIG(accessibility)
        self.emailLabel.setText(QCoreApplication.translate("TeamMemberForm", u"&Email:", None))
#if QT_CONFIG(accessibility)
        self.emailEdit.setAccessibleName(QCoreApplication.translate("TeamMemberForm", u"Email", None))
#endif // QT_CONFIG(accessibility)
        self.functionLabel.setText(QCoreApplication.translate("TeamMemberForm", u"&Function:", None))
        self.functionCombo.setItemText(0, QCoreApplication.translate("TeamMemberForm", u"Sales", None))
        self.functionCombo.setItemText(1, QCoreApplication.translate("TeamMemberForm", u"Marketing", None))
        self.functionCombo.setItemText(2, QCoreApplication.translate("TeamMemberForm", u"Other", None))

#if QT_CONFIG(accessibility)
        self.functionCombo.setAccessibleName(QCoreApplication.translate("TeamMemberForm", u"Function", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("TeamMemberForm", u"Problem with the entered values", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

