# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'touch_form.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_TouchForm(object):
    def setupUi(self, TouchForm):
        if not TouchForm.objectName():
            TouchForm.setObjectName(u"TouchForm")
        TouchForm.resize(420, 360)
        self.mainLayout = QVBoxLayout(TouchForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.stakeholderLabel = QLabel(TouchForm)
        self.stakeholderLabel.setObjectName(u"stakeholderLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.stakeholderLabel)

        self.stakeholderCombo = QComboBox(TouchForm)
        self.stakeholderCombo.setObjectName(u"stakeholderCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.stakeholderCombo)

        self.dateLabel = QLabel(TouchForm)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(TouchForm)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.channelLabel = QLabel(TouchForm)
        self.channelLabel.setObjectName(u"channelLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.channelLabel)

        self.channelCombo = QComboBox(TouchForm)
        self.channelCombo.setObjectName(u"channelCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.channelCombo)

        self.byLabel = QLabel(TouchForm)
        self.byLabel.setObjectName(u"byLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.byLabel)

        self.byCombo = QComboBox(TouchForm)
        self.byCombo.setObjectName(u"byCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.byCombo)

        self.functionLabel = QLabel(TouchForm)
        self.functionLabel.setObjectName(u"functionLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.functionLabel)

        self.functionCombo = QComboBox(TouchForm)
        self.functionCombo.setObjectName(u"functionCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.functionCombo)

        self.playLabel = QLabel(TouchForm)
        self.playLabel.setObjectName(u"playLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.playLabel)

        self.playCombo = QComboBox(TouchForm)
        self.playCombo.setObjectName(u"playCombo")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.playCombo)

        self.notesLabel = QLabel(TouchForm)
        self.notesLabel.setObjectName(u"notesLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(TouchForm)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMaximumSize(QSize(16777215, 90))

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(TouchForm)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setText(u"")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(TouchForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.stakeholderLabel.setBuddy(self.stakeholderCombo)
        self.dateLabel.setBuddy(self.dateEdit)
        self.channelLabel.setBuddy(self.channelCombo)
        self.byLabel.setBuddy(self.byCombo)
        self.functionLabel.setBuddy(self.functionCombo)
        self.playLabel.setBuddy(self.playCombo)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TouchForm)
        self.buttonBox.accepted.connect(TouchForm.accept)
        self.buttonBox.rejected.connect(TouchForm.reject)

        QMetaObject.connectSlotsByName(TouchForm)
    # setupUi

    def retranslateUi(self, TouchForm):
        TouchForm.setWindowTitle(QCoreApplication.translate("TouchForm", u"Log touch", None))
        self.stakeholderLabel.setText(QCoreApplication.translate("TouchForm", u"&Stakeholder:", None))
#if QT_CONFIG(accessibility)
        self.stakeholderCombo.setAccessibleName(QCoreApplication.translate("TouchForm", u"Stakeholder", None))
#endif // QT_CONFIG(accessibility)
        self.dateLabel.setText(QCoreApplication.translate("TouchForm", u"&Date:", None))
#if QT_CONFIG(accessibility)
        self.dateEdit.setAccessibleName(QCoreApplication.translate("TouchForm", u"Date of the touch", None))
#endif // QT_CONFIG(accessibility)
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("TouchForm", u"yyyy-MM-dd", None))
        self.channelLabel.setText(QCoreApplication.translate("TouchForm", u"&Channel:", None))
#if QT_CONFIG(accessibility)
        self.channelCombo.setAccessibleName(QCoreApplication.translate("TouchForm", u"Channel", None))
#endif // QT_CONFIG(accessibility)
        self.byLabel.setText(QCoreApplication.translate("TouchForm", u"&By:", None))
#if QT_CONFIG(accessibility)
        self.byCombo.setAccessibleName(QCoreApplication.translate("TouchForm", u"By whom", None))
#endif // QT_CONFIG(accessibility)
        self.functionLabel.setText(QCoreApplication.translate("TouchForm", u"&Function:", None))
#if QT_CONFIG(accessibility)
        self.functionCombo.setAccessibleName(QCoreApplication.translate("TouchForm", u"Function", None))
#endif // QT_CONFIG(accessibility)
        self.playLabel.setText(QCoreApplication.translate("TouchForm", u"&Play:", None))
#if QT_CONFIG(accessibility)
        self.playCombo.setAccessibleName(QCoreApplication.translate("TouchForm", u"Play", None))
#endif // QT_CONFIG(accessibility)
        self.notesLabel.setText(QCoreApplication.translate("TouchForm", u"&Notes:", None))
#if QT_CONFIG(accessibility)
        self.notesEdit.setAccessibleName(QCoreApplication.translate("TouchForm", u"Notes", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("TouchForm", u"Problem with the entered values", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

