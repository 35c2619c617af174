# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'play_assignment_form.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QSizePolicy, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_PlayAssignmentForm(object):
    def setupUi(self, PlayAssignmentForm):
        if not PlayAssignmentForm.objectName():
            PlayAssignmentForm.setObjectName(u"PlayAssignmentForm")
        PlayAssignmentForm.resize(720, 460)
        self.mainLayout = QVBoxLayout(PlayAssignmentForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.columnsLayout = QHBoxLayout()
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.fieldsLayout = QFormLayout()
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.fieldsLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.templateLabel = QLabel(PlayAssignmentForm)
        self.templateLabel.setObjectName(u"templateLabel")

        self.fieldsLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.templateLabel)

        self.templateCombo = QComboBox(PlayAssignmentForm)
        self.templateCombo.setObjectName(u"templateCombo")

        self.fieldsLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.templateCombo)

        self.nameLabel = QLabel(PlayAssignmentForm)
        self.nameLabel.setObjectName(u"nameLabel")

        self.fieldsLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(PlayAssignmentForm)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.fieldsLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.leadLabel = QLabel(PlayAssignmentForm)
        self.leadLabel.setObjectName(u"leadLabel")

        self.fieldsLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.leadLabel)

        self.leadCombo = QComboBox(PlayAssignmentForm)
        self.leadCombo.setObjectName(u"leadCombo")

        self.fieldsLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.leadCombo)

        self.statusLabel = QLabel(PlayAssignmentForm)
        self.statusLabel.setObjectName(u"statusLabel")

        self.fieldsLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(PlayAssignmentForm)
        self.statusCombo.setObjectName(u"statusCombo")

        self.fieldsLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.startLabel = QLabel(PlayAssignmentForm)
        self.startLabel.setObjectName(u"startLabel")

        self.fieldsLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.startEdit = QDateEdit(PlayAssignmentForm)
        self.startEdit.setObjectName(u"startEdit")
        self.startEdit.setCalendarPopup(True)

        self.fieldsLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.startEdit)

        self.endLabel = QLabel(PlayAssignmentForm)
        self.endLabel.setObjectName(u"endLabel")

        self.fieldsLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.endLabel)

        self.endEdit = QDateEdit(PlayAssignmentForm)
        self.endEdit.setObjectName(u"endEdit")
        self.endEdit.setCalendarPopup(True)

        self.fieldsLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.endEdit)

        self.salesOwnerLabel = QLabel(PlayAssignmentForm)
        self.salesOwnerLabel.setObjectName(u"salesOwnerLabel")

        self.fieldsLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.salesOwnerLabel)

        self.salesOwnerCombo = QComboBox(PlayAssignmentForm)
        self.salesOwnerCombo.setObjectName(u"salesOwnerCombo")

        self.fieldsLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.salesOwnerCombo)

        self.marketingOwnerLabel = QLabel(PlayAssignmentForm)
        self.marketingOwnerLabel.setObjectName(u"marketingOwnerLabel")

        self.fieldsLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.marketingOwnerLabel)

        self.marketingOwnerCombo = QComboBox(PlayAssignmentForm)
        self.marketingOwnerCombo.setObjectName(u"marketingOwnerCombo")

        self.fieldsLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.marketingOwnerCombo)

        self.budgetLabel = QLabel(PlayAssignmentForm)
        self.budgetLabel.setObjectName(u"budgetLabel")

        self.fieldsLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.budgetLabel)

        self.budgetEdit = QLineEdit(PlayAssignmentForm)
        self.budgetEdit.setObjectName(u"budgetEdit")

        self.fieldsLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.budgetEdit)

        self.touchesLabel = QLabel(PlayAssignmentForm)
        self.touchesLabel.setObjectName(u"touchesLabel")

        self.fieldsLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.touchesLabel)

        self.touchesSpin = QSpinBox(PlayAssignmentForm)
        self.touchesSpin.setObjectName(u"touchesSpin")
        self.touchesSpin.setMaximum(999)

        self.fieldsLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.touchesSpin)


        self.columnsLayout.addLayout(self.fieldsLayout)

        self.targetsLayout = QVBoxLayout()
        self.targetsLayout.setObjectName(u"targetsLayout")
        self.targetsLabel = QLabel(PlayAssignmentForm)
        self.targetsLabel.setObjectName(u"targetsLabel")

        self.targetsLayout.addWidget(self.targetsLabel)

        self.targetsList = QListWidget(PlayAssignmentForm)
        self.targetsList.setObjectName(u"targetsList")
        self.targetsList.setMinimumSize(QSize(240, 0))

        self.targetsLayout.addWidget(self.targetsList)

        self.targetsHint = QLabel(PlayAssignmentForm)
        self.targetsHint.setObjectName(u"targetsHint")
        self.targetsHint.setWordWrap(True)
        self.targetsHint.setText(u"")

        self.targetsLayout.addWidget(self.targetsHint)


        self.columnsLayout.addLayout(self.targetsLayout)


        self.mainLayout.addLayout(self.columnsLayout)

        self.outcomeLabel = QLabel(PlayAssignmentForm)
        self.outcomeLabel.setObjectName(u"outcomeLabel")

        self.mainLayout.addWidget(self.outcomeLabel)

        self.outcomeEdit = QPlainTextEdit(PlayAssignmentForm)
        self.outcomeEdit.setObjectName(u"outcomeEdit")
        self.outcomeEdit.setMaximumSize(QSize(16777215, 80))

        self.mainLayout.addWidget(self.outcomeEdit)

        self.errorLabel = QLabel(PlayAssignmentForm)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setText(u"")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(PlayAssignmentForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.templateLabel.setBuddy(self.templateCombo)
        self.nameLabel.setBuddy(self.nameEdit)
        self.leadLabel.setBuddy(self.leadCombo)
        self.statusLabel.setBuddy(self.statusCombo)
        self.startLabel.setBuddy(self.startEdit)
        self.endLabel.setBuddy(self.endEdit)
        self.salesOwnerLabel.setBuddy(self.salesOwnerCombo)
        self.marketingOwnerLabel.setBuddy(self.marketingOwnerCombo)
        self.budgetLabel.setBuddy(self.budgetEdit)
        self.touchesLabel.setBuddy(self.touchesSpin)
        self.targetsLabel.setBuddy(self.targetsList)
        self.outcomeLabel.setBuddy(self.outcomeEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PlayAssignmentForm)
        self.buttonBox.accepted.connect(PlayAssignmentForm.accept)
        self.buttonBox.rejected.connect(PlayAssignmentForm.reject)

        QMetaObject.connectSlotsByName(PlayAssignmentForm)
    # setupUi

    def retranslateUi(self, PlayAssignmentForm):
        PlayAssignmentForm.setWindowTitle(QCoreApplication.translate("PlayAssignmentForm", u"Play", None))
        self.templateLabel.setText(QCoreApplication.translate("PlayAssignmentForm", u"From the &library:", None))
#if QT_CONFIG(accessibility)
        self.templateCombo.setAccessibleName(QCoreApplication.translate("PlayAssignmentForm", u"Play from the library", None))
#endif // QT_CONFIG(accessibility)
        self.nameLabel.setText(QCoreApplication.translate("PlayAssignmentForm", u"&Name:", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("PlayAssignmentForm", u"Play name", None))
#endif // QT_CONFIG(accessibility)
        self.leadLabel.setText(QCoreApplication.translate("PlayAssignmentForm", u"&Lead:", None))
#if QT_CONFIG(accessibility)
        self.leadCombo.setAccessibleName(QCoreApplication.translate("PlayAssignmentForm", u"Lead function", None))
#endif // QT_CONFIG(accessibility)
        self.statusLabel.setText(QCoreApplication.translate("PlayAssignmentForm", u"&Status:", None))
#if QT_CONFIG(accessibility)
        self.statusCombo.setAccessibleName(QCoreApplication.translate("PlayAssignmentForm", u"Status", None))
#endif // QT_CONFIG(accessibility)
        self.startLabel.setText(QCoreApplication.translate("PlayAssignmentForm", u"S&tart:", None))
#if QT_CONFIG(accessibility)
        self.startEdit.setAccessibleName(QCoreApplication.translate("PlayAssignmentForm", u"Start date", None))
#endif // QT_CONFIG(accessibility)
        self.startEdit.setDisplayFormat(QCoreApplication.translate("PlayAssignmentForm", u"yyyy-MM-dd", None))
        self.endLabel.setText(QCoreApplication.translate("PlayAssignmentForm", u"&End:", None))
#if QT_CONFIG(accessibility)
        self.endEdit.setAccessibleName(QCoreApplication.translate("PlayAssignmentForm", u"End date", None))
#endif // QT_CONFIG(accessibility)
        self.endEdit.setDisplayFormat(QCoreApplication.translate("PlayAssignmentForm", u"yyyy-MM-dd", None))
        self.salesOwnerLabel.setText(QCoreApplication.translate("PlayAssignmentForm", u"Sales &owner:", None))
#if QT_CONFIG(accessibility)
        self.salesOwnerCombo.setAccessibleName(QCoreApplication.translate("PlayAssignmentForm", u"Sales owner", None))
#endif // QT_CONFIG(accessibility)
        self.marketingOwnerLabel.setText(QCoreApplication.translate("PlayAssignmentForm", u"&Marketing owner:", None))
#if QT_CONFIG(accessibility)
        self.marketingOwnerCombo.setAccessibleName(QCoreApplication.translate("PlayAssignmentForm", u"Marketing owner", None))
#endif // QT_CONFIG(accessibility)
        self.budgetLabel.setText(QCoreApplication.translate("PlayAssignmentForm", u"&Budget:", None))
#if QT_CONFIG(accessibility)
        self.budgetEdit.setAccessibleName(QCoreApplication.translate("PlayAssignmentForm", u"Budget", None))
#endif // QT_CONFIG(accessibility)
        self.touchesLabel.setText(QCoreApplication.translate("PlayAssignmentForm", u"E&xpected touches:", None))
#if QT_CONFIG(accessibility)
        self.touchesSpin.setAccessibleName(QCoreApplication.translate("PlayAssignmentForm", u"Expected touches", None))
#endif // QT_CONFIG(accessibility)
        self.targetsLabel.setText(QCoreApplication.translate("PlayAssignmentForm", u"Tar&gets:", None))
#if QT_CONFIG(accessibility)
        self.targetsList.setAccessibleName(QCoreApplication.translate("PlayAssignmentForm", u"Target stakeholders", None))
#endif // QT_CONFIG(accessibility)
        self.outcomeLabel.setText(QCoreApplication.translate("PlayAssignmentForm", u"O&utcome:", None))
#if QT_CONFIG(accessibility)
        self.outcomeEdit.setAccessibleName(QCoreApplication.translate("PlayAssignmentForm", u"Outcome", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("PlayAssignmentForm", u"Problem with the entered values", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

