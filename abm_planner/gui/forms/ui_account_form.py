# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'account_form.ui'
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
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_AccountForm(object):
    def setupUi(self, AccountForm):
        if not AccountForm.objectName():
            AccountForm.setObjectName(u"AccountForm")
        AccountForm.resize(460, 560)
        self.mainLayout = QVBoxLayout(AccountForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.nameLabel = QLabel(AccountForm)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(AccountForm)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(300)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.industryLabel = QLabel(AccountForm)
        self.industryLabel.setObjectName(u"industryLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.industryLabel)

        self.industryCombo = QComboBox(AccountForm)
        self.industryCombo.setObjectName(u"industryCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.industryCombo)

        self.tierLabel = QLabel(AccountForm)
        self.tierLabel.setObjectName(u"tierLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.tierLabel)

        self.tierCombo = QComboBox(AccountForm)
        self.tierCombo.setObjectName(u"tierCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.tierCombo)

        self.stageLabel = QLabel(AccountForm)
        self.stageLabel.setObjectName(u"stageLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.stageLabel)

        self.stageCombo = QComboBox(AccountForm)
        self.stageCombo.setObjectName(u"stageCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.stageCombo)

        self.salesOwnerLabel = QLabel(AccountForm)
        self.salesOwnerLabel.setObjectName(u"salesOwnerLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.salesOwnerLabel)

        self.salesOwnerCombo = QComboBox(AccountForm)
        self.salesOwnerCombo.setObjectName(u"salesOwnerCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.salesOwnerCombo)

        self.marketingOwnerLabel = QLabel(AccountForm)
        self.marketingOwnerLabel.setObjectName(u"marketingOwnerLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.marketingOwnerLabel)

        self.marketingOwnerCombo = QComboBox(AccountForm)
        self.marketingOwnerCombo.setObjectName(u"marketingOwnerCombo")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.marketingOwnerCombo)

        self.regionLabel = QLabel(AccountForm)
        self.regionLabel.setObjectName(u"regionLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.regionLabel)

        self.regionEdit = QLineEdit(AccountForm)
        self.regionEdit.setObjectName(u"regionEdit")
        self.regionEdit.setMaxLength(100)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.regionEdit)

        self.countryLabel = QLabel(AccountForm)
        self.countryLabel.setObjectName(u"countryLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.countryLabel)

        self.countryEdit = QLineEdit(AccountForm)
        self.countryEdit.setObjectName(u"countryEdit")
        self.countryEdit.setMaxLength(100)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.countryEdit)

        self.websiteLabel = QLabel(AccountForm)
        self.websiteLabel.setObjectName(u"websiteLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.websiteLabel)

        self.websiteEdit = QLineEdit(AccountForm)
        self.websiteEdit.setObjectName(u"websiteEdit")
        self.websiteEdit.setMaxLength(300)

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.websiteEdit)

        self.revenueLabel = QLabel(AccountForm)
        self.revenueLabel.setObjectName(u"revenueLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.revenueLabel)

        self.revenueEdit = QLineEdit(AccountForm)
        self.revenueEdit.setObjectName(u"revenueEdit")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.revenueEdit)

        self.employeesLabel = QLabel(AccountForm)
        self.employeesLabel.setObjectName(u"employeesLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.employeesLabel)

        self.employeesEdit = QLineEdit(AccountForm)
        self.employeesEdit.setObjectName(u"employeesEdit")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.employeesEdit)

        self.needsLabel = QLabel(AccountForm)
        self.needsLabel.setObjectName(u"needsLabel")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.needsLabel)

        self.needsEdit = QPlainTextEdit(AccountForm)
        self.needsEdit.setObjectName(u"needsEdit")
        self.needsEdit.setTabChangesFocus(True)
        self.needsEdit.setMaximumSize(QSize(16777215, 90))

        self.formLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.needsEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(AccountForm)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setText(u"")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AccountForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.industryLabel.setBuddy(self.industryCombo)
        self.tierLabel.setBuddy(self.tierCombo)
        self.stageLabel.setBuddy(self.stageCombo)
        self.salesOwnerLabel.setBuddy(self.salesOwnerCombo)
        self.marketingOwnerLabel.setBuddy(self.marketingOwnerCombo)
        self.regionLabel.setBuddy(self.regionEdit)
        self.countryLabel.setBuddy(self.countryEdit)
        self.websiteLabel.setBuddy(self.websiteEdit)
        self.revenueLabel.setBuddy(self.revenueEdit)
        self.employeesLabel.setBuddy(self.employeesEdit)
        self.needsLabel.setBuddy(self.needsEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AccountForm)
        self.buttonBox.accepted.connect(AccountForm.accept)
        self.buttonBox.rejected.connect(AccountForm.reject)

        QMetaObject.connectSlotsByName(AccountForm)
    # setupUi

    def retranslateUi(self, AccountForm):
        AccountForm.setWindowTitle(QCoreApplication.translate("AccountForm", u"New account", None))
        self.nameLabel.setText(QCoreApplication.translate("AccountForm", u"&Name:", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("AccountForm", u"Account name", None))
#endif // QT_CONFIG(accessibility)
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("AccountForm", u"Company name, as the team calls it", None))
        self.industryLabel.setText(QCoreApplication.translate("AccountForm", u"&Industry:", None))
#if QT_CONFIG(accessibility)
        self.industryCombo.setAccessibleName(QCoreApplication.translate("AccountForm", u"Industry", None))
#endif // QT_CONFIG(accessibility)
        self.tierLabel.setText(QCoreApplication.translate("AccountForm", u"&Tier:", None))
#if QT_CONFIG(accessibility)
        self.tierCombo.setAccessibleName(QCoreApplication.translate("AccountForm", u"Tier", None))
#endif // QT_CONFIG(accessibility)
        self.stageLabel.setText(QCoreApplication.translate("AccountForm", u"Journey &stage:", None))
#if QT_CONFIG(accessibility)
        self.stageCombo.setAccessibleName(QCoreApplication.translate("AccountForm", u"Journey stage", None))
#endif // QT_CONFIG(accessibility)
        self.salesOwnerLabel.setText(QCoreApplication.translate("AccountForm", u"Sales &owner:", None))
#if QT_CONFIG(accessibility)
        self.salesOwnerCombo.setAccessibleName(QCoreApplication.translate("AccountForm", u"Sales owner", None))
#endif // QT_CONFIG(accessibility)
        self.marketingOwnerLabel.setText(QCoreApplication.translate("AccountForm", u"&Marketing owner:", None))
#if QT_CONFIG(accessibility)
        self.marketingOwnerCombo.setAccessibleName(QCoreApplication.translate("AccountForm", u"Marketing owner", None))
#endif // QT_CONFIG(accessibility)
        self.regionLabel.setText(QCoreApplication.translate("AccountForm", u"&Region:", None))
#if QT_CONFIG(accessibility)
        self.regionEdit.setAccessibleName(QCoreApplication.translate("AccountForm", u"Region", None))
#endif // QT_CONFIG(accessibility)
        self.countryLabel.setText(QCoreApplication.translate("AccountForm", u"&Country:", None))
#if QT_CONFIG(accessibility)
        self.countryEdit.setAccessibleName(QCoreApplication.translate("AccountForm", u"Country", None))
#endif // QT_CONFIG(accessibility)
        self.websiteLabel.setText(QCoreApplication.translate("AccountForm", u"&Website:", None))
#if QT_CONFIG(accessibility)
        self.websiteEdit.setAccessibleName(QCoreApplication.translate("AccountForm", u"Website", None))
#endif // QT_CONFIG(accessibility)
        self.websiteEdit.setPlaceholderText(QCoreApplication.translate("AccountForm", u"example.com", None))
        self.revenueLabel.setText(QCoreApplication.translate("AccountForm", u"Annual re&venue:", None))
#if QT_CONFIG(accessibility)
        self.revenueEdit.setAccessibleName(QCoreApplication.translate("AccountForm", u"Annual revenue", None))
#endif // QT_CONFIG(accessibility)
        self.revenueEdit.setPlaceholderText(QCoreApplication.translate("AccountForm", u"e.g. 250000000", None))
        self.employeesLabel.setText(QCoreApplication.translate("AccountForm", u"&Employees:", None))
#if QT_CONFIG(accessibility)
        self.employeesEdit.setAccessibleName(QCoreApplication.translate("AccountForm", u"Employees", None))
#endif // QT_CONFIG(accessibility)
        self.employeesEdit.setPlaceholderText(QCoreApplication.translate("AccountForm", u"e.g. 1200", None))
        self.needsLabel.setText(QCoreApplication.translate("AccountForm", u"Nee&ds:", None))
#if QT_CONFIG(accessibility)
        self.needsEdit.setAccessibleName(QCoreApplication.translate("AccountForm", u"Needs", None))
#endif // QT_CONFIG(accessibility)
        self.needsEdit.setPlaceholderText(QCoreApplication.translate("AccountForm", u"What this account needs from us, in their words", None))
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("AccountForm", u"Problem with the entered values", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

