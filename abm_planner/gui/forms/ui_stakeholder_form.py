# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'stakeholder_form.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_StakeholderForm(object):
    def setupUi(self, StakeholderForm):
        if not StakeholderForm.objectName():
            StakeholderForm.setObjectName(u"StakeholderForm")
        StakeholderForm.resize(760, 420)
        self.mainLayout = QVBoxLayout(StakeholderForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.columnsLayout = QHBoxLayout()
        self.columnsLayout.setSpacing(18)
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.identityLayout = QFormLayout()
        self.identityLayout.setObjectName(u"identityLayout")
        self.identityLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.nameLabel = QLabel(StakeholderForm)
        self.nameLabel.setObjectName(u"nameLabel")

        self.identityLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(StakeholderForm)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(300)

        self.identityLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.titleLabel = QLabel(StakeholderForm)
        self.titleLabel.setObjectName(u"titleLabel")

        self.identityLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(StakeholderForm)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(300)

        self.identityLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.departmentLabel = QLabel(StakeholderForm)
        self.departmentLabel.setObjectName(u"departmentLabel")

        self.identityLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.departmentLabel)

        self.departmentEdit = QLineEdit(StakeholderForm)
        self.departmentEdit.setObjectName(u"departmentEdit")
        self.departmentEdit.setMaxLength(200)

        self.identityLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.departmentEdit)

        self.emailLabel = QLabel(StakeholderForm)
        self.emailLabel.setObjectName(u"emailLabel")

        self.identityLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(StakeholderForm)
        self.emailEdit.setObjectName(u"emailEdit")
        self.emailEdit.setMaxLength(320)

        self.identityLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.phoneLabel = QLabel(StakeholderForm)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.identityLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(StakeholderForm)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(100)

        self.identityLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.salesOwnerLabel = QLabel(StakeholderForm)
        self.salesOwnerLabel.setObjectName(u"salesOwnerLabel")

        self.identityLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.salesOwnerLabel)

        self.salesOwnerCombo = QComboBox(StakeholderForm)
        self.salesOwnerCombo.setObjectName(u"salesOwnerCombo")

        self.identityLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.salesOwnerCombo)

        self.marketingOwnerLabel = QLabel(StakeholderForm)
        self.marketingOwnerLabel.setObjectName(u"marketingOwnerLabel")

        self.identityLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.marketingOwnerLabel)

        self.marketingOwnerCombo = QComboBox(StakeholderForm)
        self.marketingOwnerCombo.setObjectName(u"marketingOwnerCombo")

        self.identityLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.marketingOwnerCombo)


        self.columnsLayout.addLayout(self.identityLayout)

        self.dmuLayout = QFormLayout()
        self.dmuLayout.setObjectName(u"dmuLayout")
        self.dmuLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rolesLabel = QLabel(StakeholderForm)
        self.rolesLabel.setObjectName(u"rolesLabel")

        self.dmuLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.rolesLabel)

        self.rolesList = QListWidget(StakeholderForm)
        self.rolesList.setObjectName(u"rolesList")
        self.rolesList.setMaximumSize(QSize(16777215, 170))

        self.dmuLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.rolesList)

        self.attitudeLabel = QLabel(StakeholderForm)
        self.attitudeLabel.setObjectName(u"attitudeLabel")

        self.dmuLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.attitudeLabel)

        self.attitudeCombo = QComboBox(StakeholderForm)
        self.attitudeCombo.setObjectName(u"attitudeCombo")

        self.dmuLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.attitudeCombo)

        self.influenceLabel = QLabel(StakeholderForm)
        self.influenceLabel.setObjectName(u"influenceLabel")

        self.dmuLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.influenceLabel)

        self.influenceCombo = QComboBox(StakeholderForm)
        self.influenceCombo.setObjectName(u"influenceCombo")

        self.dmuLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.influenceCombo)

        self.innerCircleCheck = QCheckBox(StakeholderForm)
        self.innerCircleCheck.setObjectName(u"innerCircleCheck")

        self.dmuLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.innerCircleCheck)

        self.coverageLabel = QLabel(StakeholderForm)
        self.coverageLabel.setObjectName(u"coverageLabel")

        self.dmuLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.coverageLabel)

        self.coverageCombo = QComboBox(StakeholderForm)
        self.coverageCombo.setObjectName(u"coverageCombo")

        self.dmuLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.coverageCombo)

        self.relationshipLabel = QLabel(StakeholderForm)
        self.relationshipLabel.setObjectName(u"relationshipLabel")

        self.dmuLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.relationshipLabel)

        self.relationshipCombo = QComboBox(StakeholderForm)
        self.relationshipCombo.setObjectName(u"relationshipCombo")

        self.dmuLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.relationshipCombo)


        self.columnsLayout.addLayout(self.dmuLayout)


        self.mainLayout.addLayout(self.columnsLayout)

        self.errorLabel = QLabel(StakeholderForm)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setText(u"")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(StakeholderForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.titleLabel.setBuddy(self.titleEdit)
        self.departmentLabel.setBuddy(self.departmentEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.salesOwnerLabel.setBuddy(self.salesOwnerCombo)
        self.marketingOwnerLabel.setBuddy(self.marketingOwnerCombo)
        self.rolesLabel.setBuddy(self.rolesList)
        self.attitudeLabel.setBuddy(self.attitudeCombo)
        self.influenceLabel.setBuddy(self.influenceCombo)
        self.coverageLabel.setBuddy(self.coverageCombo)
        self.relationshipLabel.setBuddy(self.relationshipCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(StakeholderForm)
        self.buttonBox.accepted.connect(StakeholderForm.accept)
        self.buttonBox.rejected.connect(StakeholderForm.reject)

        QMetaObject.connectSlotsByName(StakeholderForm)
    # setupUi

    def retranslateUi(self, StakeholderForm):
        StakeholderForm.setWindowTitle(QCoreApplication.translate("StakeholderForm", u"New stakeholder", None))
        self.nameLabel.setText(QCoreApplication.translate("StakeholderForm", u"&Name:", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("StakeholderForm", u"Stakeholder name", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("StakeholderForm", u"&Title:", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("StakeholderForm", u"Job title", None))
#endif // QT_CONFIG(accessibility)
        self.departmentLabel.setText(QCoreApplication.translate("StakeholderForm", u"&Department:", None))
#if QT_CONFIG(accessibility)
        self.departmentEdit.setAccessibleName(QCoreApplication.translate("StakeholderForm", u"Department", None))
#endif // QT_CONFIG(accessibility)
        self.emailLabel.setText(QCoreApplication.translate("StakeholderForm", u"&Email:", None))
#if QT_CONFIG(accessibility)
        self.emailEdit.setAccessibleName(QCoreApplication.translate("StakeholderForm", u"Email", None))
#endif // QT_CONFIG(accessibility)
        self.phoneLabel.setText(QCoreApplication.translate("StakeholderForm", u"&Phone:", None))
#if QT_CONFIG(accessibility)
        self.phoneEdit.setAccessibleName(QCoreApplication.translate("StakeholderForm", u"Phone", None))
#endif // QT_CONFIG(accessibility)
        self.salesOwnerLabel.setText(QCoreApplication.translate("StakeholderForm", u"Sales &owner:", None))
#if QT_CONFIG(accessibility)
        self.salesOwnerCombo.setAccessibleName(QCoreApplication.translate("StakeholderForm", u"Sales owner", None))
#endif // QT_CONFIG(accessibility)
        self.marketingOwnerLabel.setText(QCoreApplication.translate("StakeholderForm", u"&Marketing owner:", None))
#if QT_CONFIG(accessibility)
        self.marketingOwnerCombo.setAccessibleName(QCoreApplication.translate("StakeholderForm", u"Marketing owner", None))
#endif // QT_CONFIG(accessibility)
        self.rolesLabel.setText(QCoreApplication.translate("StakeholderForm", u"Buying &roles:", None))
#if QT_CONFIG(accessibility)
        self.rolesList.setAccessibleName(QCoreApplication.translate("StakeholderForm", u"Buying roles", None))
#endif // QT_CONFIG(accessibility)
        self.attitudeLabel.setText(QCoreApplication.translate("StakeholderForm", u"&Attitude:", None))
#if QT_CONFIG(accessibility)
        self.attitudeCombo.setAccessibleName(QCoreApplication.translate("StakeholderForm", u"Attitude", None))
#endif // QT_CONFIG(accessibility)
        self.influenceLabel.setText(QCoreApplication.translate("StakeholderForm", u"&Influence:", None))
#if QT_CONFIG(accessibility)
        self.influenceCombo.setAccessibleName(QCoreApplication.translate("StakeholderForm", u"Influence", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.innerCircleCheck.setAccessibleName(QCoreApplication.translate("StakeholderForm", u"Inner circle", None))
#endif // QT_CONFIG(accessibility)
        self.innerCircleCheck.setText(QCoreApplication.translate("StakeholderForm", u"Inner &circle: their view carries the decision", None))
        self.coverageLabel.setText(QCoreApplication.translate("StakeholderForm", u"&Coverage:", None))
#if QT_CONFIG(accessibility)
        self.coverageCombo.setAccessibleName(QCoreApplication.translate("StakeholderForm", u"Coverage", None))
#endif // QT_CONFIG(accessibility)
        self.relationshipLabel.setText(QCoreApplication.translate("StakeholderForm", u"Relations&hip:", None))
#if QT_CONFIG(accessibility)
        self.relationshipCombo.setAccessibleName(QCoreApplication.translate("StakeholderForm", u"Relationship", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("StakeholderForm", u"Problem with the entered values", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

